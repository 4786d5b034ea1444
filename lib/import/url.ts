import dns from "node:dns";
import http from "node:http";
import https from "node:https";
import net from "node:net";
import { extractReadableArticle } from "@/lib/import/html";
import { ImportError, type ImportedText } from "@/lib/import/files";
import { MAX_ARTICLE_BYTES } from "@/lib/validations/article";

export const URL_IMPORT_TIMEOUT_MS = 10_000;
const MAX_REDIRECTS = 5;

/** Loopback, private, link-local, carrier-grade NAT, unique-local, multicast and unspecified ranges. */
export function isPrivateAddress(address: string): boolean {
  const ip = address.startsWith("::ffff:") ? address.slice(7) : address;
  if (net.isIPv4(ip)) {
    const [a = 0, b = 0] = ip.split(".").map(Number);
    return a === 0 || a === 10 || a === 127 || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127) || a >= 224;
  }
  const lower = ip.toLowerCase();
  return lower === "::" || lower === "::1" || lower.startsWith("fc") || lower.startsWith("fd") || lower.startsWith("fe80") || lower.startsWith("ff");
}

/** Hosts (`name` or `name:port`) from URL_IMPORT_ALLOWLIST that may be private, e.g. a local test server. */
function allowlist(): Set<string> {
  return new Set((process.env.URL_IMPORT_ALLOWLIST ?? "").split(",").map((host) => host.trim().toLowerCase()).filter(Boolean));
}

function isAllowlisted(url: URL): boolean {
  const hosts = allowlist();
  return hosts.has(url.hostname.toLowerCase()) || hosts.has(url.host.toLowerCase());
}

/**
 * Fetches one URL with the address checked at connection time (so DNS cannot point it elsewhere after
 * the check), a time limit and a size limit.
 */
function fetchOnce(url: URL, isAllowed: boolean): Promise<{ status: number; location?: string; type: string; body: Buffer }> {
  const lookup: net.LookupFunction = (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, "", 4);
      const list = addresses as dns.LookupAddress[];
      const blocked = !isAllowed && list.some((entry) => isPrivateAddress(entry.address));
      if (blocked) return callback(new ImportError(`${url.hostname} is a private or local address; only public web pages can be imported.`), "", 4);
      const first = list[0];
      if (!first) return callback(new Error(`${hostname} has no address`), "", 4);
      if ((options as dns.LookupOptions).all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, list);
      callback(null, first.address, first.family);
    });
  };
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.get(
      url,
      { lookup, timeout: URL_IMPORT_TIMEOUT_MS, headers: { "user-agent": "Briefing article import", accept: "text/html,text/plain;q=0.9" } },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_ARTICLE_BYTES) {
            request.destroy(new ImportError(`The page is over the 2 MB limit.`));
            return;
          }
          chunks.push(chunk);
        });
        response.on("end", () =>
          resolve({ status: response.statusCode ?? 0, location: response.headers.location, type: response.headers["content-type"] ?? "", body: Buffer.concat(chunks) }),
        );
        response.on("error", reject);
      },
    );
    request.on("timeout", () => request.destroy(new ImportError(`The page did not answer within ${URL_IMPORT_TIMEOUT_MS / 1000} seconds.`)));
    request.on("error", reject);
  });
}

/**
 * Imports an article from a public web page: http(s) only; private and loopback addresses refused unless
 * URL_IMPORT_ALLOWLIST names the host; redirects re-checked at every hop; 10 s and 2 MB limits; the
 * article's text extracted from the page.
 */
export async function importFromUrl(address: string): Promise<ImportedText & { url: string }> {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    throw new ImportError(`"${address}" is not a web address. Use one that starts with https://`);
  }
  for (let hop = 0; hop <= MAX_REDIRECTS; hop += 1) {
    if (url.protocol !== "http:" && url.protocol !== "https:") throw new ImportError("Only http and https addresses can be imported.");
    const isAllowed = isAllowlisted(url);
    if (!isAllowed && net.isIP(url.hostname.replace(/^\[|\]$/g, "")) && isPrivateAddress(url.hostname.replace(/^\[|\]$/g, ""))) {
      throw new ImportError(`${url.hostname} is a private or local address; only public web pages can be imported.`);
    }
    let response: Awaited<ReturnType<typeof fetchOnce>>;
    try {
      response = await fetchOnce(url, isAllowed);
    } catch (error) {
      if (error instanceof ImportError) throw error;
      throw new ImportError(`Could not load ${url.href}: ${(error as Error).message}`);
    }
    if (response.status >= 300 && response.status < 400 && response.location) {
      url = new URL(response.location, url);
      continue;
    }
    if (response.status !== 200) throw new ImportError(`${url.href} answered ${response.status}; check the address.`);
    const type = response.type.toLowerCase();
    let text: string;
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(response.body);
    } catch {
      throw new ImportError(`${url.href} is not UTF-8 text.`);
    }
    if (type.includes("text/plain")) return { body: text, url: url.href };
    if (!type.includes("html")) throw new ImportError(`${url.href} is ${type || "of an unknown type"}, not a web page.`);
    const article = extractReadableArticle(text, url.href);
    if (!article.text.trim()) throw new ImportError(`No article text was found at ${url.href}.`);
    return { body: article.text, title: article.title, byline: article.byline, outlet: article.siteName, publishedAt: article.publishedAt, url: url.href };
  }
  throw new ImportError(`${address} redirects more than ${MAX_REDIRECTS} times.`);
}
