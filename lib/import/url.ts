import dns from "node:dns";
import http from "node:http";
import https from "node:https";
import net from "node:net";
import { extractReadableArticle } from "@/lib/import/html";
import { ImportError, type ImportedText } from "@/lib/import/files";
import { MAX_ARTICLE_BYTES } from "@/lib/validations/article";
import { env } from "@/lib/env";

const MAX_REDIRECTS = 5;

type Range = readonly [bytes: readonly number[], prefixBits: number];

/** IPv4 ranges that are not the public internet (RFC 6890 and IANA's special-purpose registry). */
const IPV4_SPECIAL: readonly Range[] = [
  [[0, 0, 0, 0], 8], // "this network", unspecified
  [[10, 0, 0, 0], 8], // private
  [[100, 64, 0, 0], 10], // carrier-grade NAT
  [[127, 0, 0, 0], 8], // loopback
  [[169, 254, 0, 0], 16], // link-local (cloud metadata)
  [[172, 16, 0, 0], 12], // private
  [[192, 0, 0, 0], 24], // IETF protocol assignments
  [[192, 0, 2, 0], 24], // documentation
  [[192, 88, 99, 0], 24], // 6to4 relay anycast
  [[192, 168, 0, 0], 16], // private
  [[198, 18, 0, 0], 15], // benchmarking
  [[198, 51, 100, 0], 24], // documentation
  [[203, 0, 113, 0], 24], // documentation
  [[224, 0, 0, 0], 4], // multicast
  [[240, 0, 0, 0], 4], // reserved, broadcast
];

/**
 * Special IPv6 ranges inside global unicast (2000::/3); everything outside 2000::/3 (unspecified,
 * loopback, IPv4-mapped and -compatible, NAT64 64:ff9b::/96 and 64:ff9b:1::/48, discard, unique-local,
 * link-local, site-local, multicast) is refused before these are looked at.
 */
const IPV6_SPECIAL: readonly Range[] = [
  [[0x20, 0x01, 0x00, 0x00], 23], // IETF protocol assignments, Teredo 2001::/32 (embeds an IPv4 address)
  [[0x20, 0x01, 0x0d, 0xb8], 32], // documentation
  [[0x20, 0x02], 16], // 6to4 (embeds an IPv4 address)
  [[0x3f, 0xff], 20], // documentation
];

function inRange(bytes: readonly number[], [prefix, bits]: Range): boolean {
  for (let bit = 0; bit < bits; bit += 8) {
    const mask = bits - bit >= 8 ? 0xff : (0xff << (8 - (bits - bit))) & 0xff;
    if (((bytes[bit / 8] ?? 0) & mask) !== ((prefix[bit / 8] ?? 0) & mask)) return false;
  }
  return true;
}

/** A textual IPv6 address (with `::` and an optional dotted IPv4 tail) as 16 bytes, or null. */
function ipv6Bytes(text: string): number[] | null {
  let head = text.toLowerCase().replace(/%.*$/, "");
  const tail: number[] = [];
  const dotted = /(?:^|:)(\d+\.\d+\.\d+\.\d+)$/.exec(head);
  if (dotted) {
    if (!net.isIPv4(dotted[1]!)) return null;
    tail.push(...dotted[1]!.split(".").map(Number));
    head = head.slice(0, head.length - dotted[1]!.length) + "0:0";
  }
  const halves = head.split("::");
  if (halves.length > 2) return null;
  const groups = (part: string | undefined) => (part ? part.split(":") : []);
  const left = groups(halves[0]);
  const right = groups(halves[1]);
  const missing = 8 - left.length - right.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const all = [...left, ...Array<string>(halves.length === 2 ? missing : 0).fill("0"), ...right];
  const bytes: number[] = [];
  for (const group of all) {
    if (!/^[0-9a-f]{1,4}$/.test(group)) return null;
    const value = parseInt(group, 16);
    bytes.push(value >> 8, value & 0xff);
  }
  if (tail.length) bytes.splice(12, 4, ...tail);
  return bytes;
}

/**
 * Whether `address` (an IP literal, as DNS or a parsed URL gives it) is a public internet address:
 * every private, loopback, link-local, carrier-grade NAT, unique-local, multicast, unspecified,
 * documentation and reserved range is refused, and so is every IPv6 form that carries an IPv4 address
 * (IPv4-mapped, IPv4-compatible, NAT64, 6to4, Teredo), whatever address it carries. Anything that is
 * not an IP literal is not public.
 * @see https://www.iana.org/assignments/iana-ipv4-special-registry/
 * @see https://www.iana.org/assignments/iana-ipv6-special-registry/
 */
export function isPublicAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, "");
  if (net.isIPv4(bare)) {
    const bytes = bare.split(".").map(Number);
    return !IPV4_SPECIAL.some((range) => inRange(bytes, range));
  }
  const bytes = net.isIPv6(bare) ? ipv6Bytes(bare) : null;
  if (!bytes) return false;
  if (!inRange(bytes, [[0x20], 3])) return false;
  return !IPV6_SPECIAL.some((range) => inRange(bytes, range));
}

/** Hosts (`name` or `name:port`) from URL_IMPORT_ALLOWLIST that may be private, e.g. a local test server. */
function allowlist(): Set<string> {
  return new Set(
    (env().URL_IMPORT_ALLOWLIST ?? "")
      .split(",")
      .map((host) => host.trim().toLowerCase())
      .filter(Boolean),
  );
}

function isAllowlisted(url: URL): boolean {
  const hosts = allowlist();
  return hosts.has(url.hostname.toLowerCase()) || hosts.has(url.host.toLowerCase());
}

/**
 * One answer for every address that will not be fetched, refused or unreachable alike, so the import
 * cannot be used to tell private hosts, open ports and closed ones apart.
 */
function notAllowed(url: URL): ImportError {
  return new ImportError(
    `${url.host} is not a public web page that could be reached: only public http(s) addresses are imported. Check the address, or paste the article's text instead.`,
    "url_not_allowed",
  );
}

export type CheckedAddress = { address: string; family: 4 | 6 };

/**
 * Resolves `url`'s host once and checks every address it has: all must be public (unless the host is on
 * URL_IMPORT_ALLOWLIST). Returns the address to connect to; the fetch connects to exactly that address,
 * so DNS cannot point the host elsewhere between this check and the connection. The URL parser has
 * already turned every IPv4 notation (decimal `2130706433`, hex `0x7f.1`, octal `0177.0.0.1`, short
 * `127.1`) and IPv6 spelling into one canonical form.
 * @throws ImportError `url_not_allowed` for a refused or unresolvable host.
 */
export async function checkImportAddress(url: URL): Promise<CheckedAddress> {
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new ImportError("Only http and https addresses can be imported.", "url_not_allowed");
  const isAllowed = isAllowlisted(url);
  const host = url.hostname.replace(/^\[|\]$/g, "");
  const literal = net.isIP(host);
  let addresses: CheckedAddress[];
  if (literal) addresses = [{ address: host, family: literal as 4 | 6 }];
  else {
    try {
      addresses = (await dns.promises.lookup(host, { all: true, verbatim: true })).map((entry) => ({ address: entry.address, family: entry.family as 4 | 6 }));
    } catch {
      throw notAllowed(url);
    }
  }
  const first = addresses[0];
  if (!first || (!isAllowed && !addresses.every((entry) => isPublicAddress(entry.address)))) throw notAllowed(url);
  return first;
}

type Fetched = { status: number; statusText: string; location?: string; type: string; body: Buffer };

/**
 * Fetches one URL from the checked address; no redirect is followed. The exchange must be over by
 * `deadline` (epoch ms), and the body within {@link MAX_ARTICLE_BYTES}. A connection that cannot be made
 * (refused, unreachable, not made in time) rejects with a plain error, answered like a refused address; a
 * server that connected but did not send the page in time is `upstream_timeout`, and one that sends too
 * much is `too_large`.
 */
function fetchOnce(url: URL, pinned: CheckedAddress, deadline: number): Promise<Fetched> {
  const lookup = ((_hostname: string, options: dns.LookupOptions, callback: (...args: unknown[]) => void) => {
    if (options.all) callback(null, [pinned]);
    else callback(null, pinned.address, pinned.family);
  }) as unknown as net.LookupFunction;
  const client = url.protocol === "https:" ? https : http;
  const timeoutMs = Math.max(1, deadline - Date.now());
  return new Promise((resolve, reject) => {
    let isConnected = false;
    let failure: Error | undefined;
    const fail = (error: Error) => {
      failure ??= error;
      request.destroy(failure);
    };
    const tooLarge = () => new ImportError(`The page at ${url.host} is over the 2 MB limit. Paste the article's text instead.`, "too_large");
    const timedOut = () =>
      isConnected
        ? new ImportError(
            `${url.host} did not send the page within ${env().URL_IMPORT_TIMEOUT_MS / 1000} seconds. Try again later, or paste the article's text instead.`,
            "upstream_timeout",
          )
        : new Error("could not connect in time");
    const request = client.get(
      url,
      { lookup, agent: false, timeout: timeoutMs, headers: { "user-agent": "Briefing article import", accept: "text/html,text/plain;q=0.9" } },
      (response) => {
        if (Number(response.headers["content-length"] ?? 0) > MAX_ARTICLE_BYTES) {
          fail(tooLarge());
          return;
        }
        const chunks: Buffer[] = [];
        let size = 0;
        response.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_ARTICLE_BYTES) {
            fail(tooLarge());
            return;
          }
          chunks.push(chunk);
        });
        response.on("end", () =>
          resolve({
            status: response.statusCode ?? 0,
            statusText: response.statusMessage ?? "",
            location: response.headers.location,
            type: response.headers["content-type"] ?? "",
            body: Buffer.concat(chunks),
          }),
        );
        response.on("error", (error) => reject(failure ?? error));
      },
    );
    request.on("socket", (socket) =>
      socket.once(url.protocol === "https:" ? "secureConnect" : "connect", () => {
        isConnected = true;
      }),
    );
    const timer = setTimeout(() => fail(timedOut()), timeoutMs);
    request.on("timeout", () => fail(timedOut()));
    request.on("error", (error) => reject(failure ?? error));
    request.on("close", () => clearTimeout(timer));
  });
}

/** An answer other than 200 as an error naming it and what to do. */
function upstreamError(url: URL, response: Fetched): ImportError {
  const answer = `${response.status}${response.statusText ? ` ${response.statusText.slice(0, 60)}` : ""}`;
  const advice =
    response.status >= 400 && response.status < 500
      ? "the page is gone, moved or not public: check the address"
      : "the site could not send the page: try again later";
  return new ImportError(`${url.href} answered ${answer}; ${advice}, or paste the article's text instead.`, "upstream_error", {
    upstreamStatus: response.status,
  });
}

/**
 * Imports an article from a public web page: http(s) only; every address checked and pinned by
 * {@link checkImportAddress} (private ones refused unless URL_IMPORT_ALLOWLIST names the host), at
 * every redirect hop; URL_IMPORT_TIMEOUT_MS (10 s) for all hops together and 2 MB; the article's text
 * extracted from the page as the import form and `POST /api/articles` extract it.
 * @throws ImportError: `url_not_allowed` for a refused or unreachable address (one answer for both, so
 * private hosts and closed ports cannot be told apart); `upstream_timeout` when the server connected but
 * did not send the page in time; `too_large`; `upstream_error` (with `upstreamStatus`) for an answer
 * other than 200; `invalid` for a page that is not HTML or text, not UTF-8, or holds no article text.
 */
export async function importFromUrl(address: string): Promise<ImportedText & { url: string }> {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    throw new ImportError(`"${address}" is not a web address. Use one that starts with https://`);
  }
  const deadline = Date.now() + env().URL_IMPORT_TIMEOUT_MS;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop += 1) {
    const pinned = await checkImportAddress(url);
    let response: Fetched;
    try {
      response = await fetchOnce(url, pinned, deadline);
    } catch (error) {
      if (error instanceof ImportError) throw error;
      throw notAllowed(url);
    }
    if (response.status >= 300 && response.status < 400 && response.location) {
      const next = URL.parse(response.location, url);
      if (!next) throw notAllowed(url);
      url = next;
      continue;
    }
    if (response.status !== 200) throw upstreamError(url, response);
    const type = response.type.toLowerCase();
    if (!type.includes("text/plain") && !type.includes("html")) {
      throw new ImportError(
        `${url.href} is ${type.split(";")[0]!.trim().slice(0, 80) || "of an unknown type"}, not a web page or text: only HTML and plain text are imported.`,
      );
    }
    let text: string;
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(response.body);
    } catch {
      throw new ImportError(`${url.href} is not UTF-8 text; paste the article's text instead.`);
    }
    if (type.includes("text/plain")) return { body: text, url: url.href };
    const article = extractReadableArticle(text, url.href);
    if (!article.text.trim()) throw new ImportError(`No article text was found at ${url.href}.`);
    return { body: article.text, title: article.title, byline: article.byline, outlet: article.siteName, publishedAt: article.publishedAt, url: url.href };
  }
  throw new ImportError(`${address} redirects more than ${MAX_REDIRECTS} times.`);
}
