import dns from "node:dns";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/errors";
import { checkImportAddress, importFromUrl, isPublicAddress } from "./url";

/** Every one of these must be refused, whatever notation spells it. */
const REFUSED = [
  "http://127.0.0.1/",
  "http://127.0.0.1:3000/",
  "http://127.255.255.254/",
  "http://2130706433/", // 127.0.0.1 in decimal
  "http://0x7f000001/", // in hex
  "http://0x7f.0x0.0x0.0x1/", // hex per part
  "http://0177.0.0.1/", // octal
  "http://0177.0000.0000.0001/",
  "http://127.1/", // short form
  "http://127.0.1/",
  "http://0/", // 0.0.0.0
  "http://0.0.0.0/",
  "http://10.0.0.1/",
  "http://012.0.0.1/", // 10.0.0.1 in octal
  "http://167772161/", // 10.0.0.1 in decimal
  "http://172.16.0.1/",
  "http://172.31.255.255/",
  "http://192.168.1.1/",
  "http://0xc0a80101/", // 192.168.1.1 in hex
  "http://169.254.169.254/", // cloud metadata
  "http://0xa9fea9fe/", // the same in hex
  "http://2852039166/", // the same in decimal
  "http://100.64.0.1/", // carrier-grade NAT
  "http://198.18.0.1/",
  "http://192.0.2.1/",
  "http://224.0.0.1/", // multicast
  "http://239.255.255.250/",
  "http://255.255.255.255/",
  "http://240.0.0.1/",
  "http://[::1]/",
  "http://[0:0:0:0:0:0:0:1]/",
  "http://[::]/",
  "http://[::ffff:127.0.0.1]/", // IPv4-mapped
  "http://[::ffff:7f00:1]/", // IPv4-mapped, hex
  "http://[0:0:0:0:0:ffff:127.0.0.1]/",
  "http://[::ffff:10.0.0.1]/",
  "http://[::ffff:8.8.8.8]/", // any IPv4-mapped form, even of a public address
  "http://[::127.0.0.1]/", // IPv4-compatible
  "http://[::7f00:1]/",
  "http://[64:ff9b::127.0.0.1]/", // NAT64
  "http://[64:ff9b::a9fe:a9fe]/",
  "http://[64:ff9b:1::a00:1]/", // local-use NAT64
  "http://[2002:7f00:1::]/", // 6to4 of 127.0.0.1
  "http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/", // Teredo
  "http://[fe80::1]/", // link-local
  "http://[fec0::1]/", // site-local
  "http://[fc00::1]/", // unique-local
  "http://[fd12:3456:789a::1]/",
  "http://[ff02::1]/", // multicast
  "http://[2001:db8::1]/", // documentation
  "http://[100::1]/", // discard
  "http://localhost/",
  "http://LOCALHOST./",
  "http://localhost:8080/",
  "http://no-such-host.invalid/",
];

/** Public addresses pass the check (they are not fetched here). */
const ALLOWED = [
  "http://93.184.215.14/",
  "https://8.8.8.8/",
  "http://1.1.1.1:8080/",
  "http://172.32.0.1/",
  "http://[2606:4700:4700::1111]/",
  "http://[2a00:1450:4001:82a::200e]/",
];

const saved = process.env.URL_IMPORT_ALLOWLIST;
afterEach(() => {
  if (saved === undefined) delete process.env.URL_IMPORT_ALLOWLIST;
  else process.env.URL_IMPORT_ALLOWLIST = saved;
  vi.restoreAllMocks();
});

describe("checkImportAddress", () => {
  it(`has a table of ${REFUSED.length} refused forms`, () => expect(REFUSED.length).toBeGreaterThanOrEqual(40));

  it.each(REFUSED)("refuses %s", async (address) => {
    delete process.env.URL_IMPORT_ALLOWLIST;
    const error = await checkImportAddress(new URL(address)).then(
      () => null,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("url_not_allowed");
    expect((error as AppError).status).toBe(422);
  });

  it.each(ALLOWED)("lets %s through", async (address) => {
    delete process.env.URL_IMPORT_ALLOWLIST;
    const checked = await checkImportAddress(new URL(address));
    expect(checked.address).toBe(new URL(address).hostname.replace(/^\[|\]$/g, ""));
  });

  it("refuses other schemes", async () => {
    await expect(checkImportAddress(new URL("file:///etc/passwd"))).rejects.toMatchObject({ code: "url_not_allowed" });
    await expect(checkImportAddress(new URL("gopher://127.0.0.1:25/"))).rejects.toMatchObject({ code: "url_not_allowed" });
  });

  it("refuses a name when any of its addresses is private", async () => {
    delete process.env.URL_IMPORT_ALLOWLIST;
    vi.spyOn(dns.promises, "lookup").mockResolvedValue([
      { address: "93.184.215.14", family: 4 },
      { address: "::ffff:127.0.0.1", family: 6 },
    ] as never);
    await expect(checkImportAddress(new URL("http://mixed.example/"))).rejects.toMatchObject({ code: "url_not_allowed" });
  });
});

describe("isPublicAddress", () => {
  it("tells public from special addresses, as DNS gives them", () => {
    expect(isPublicAddress("8.8.8.8")).toBe(true);
    expect(isPublicAddress("2606:4700::1111")).toBe(true);
    expect(isPublicAddress("::ffff:127.0.0.1")).toBe(false);
    expect(isPublicAddress("fe80::1%eth0")).toBe(false);
    expect(isPublicAddress("100.127.255.255")).toBe(false);
    expect(isPublicAddress("100.128.0.0")).toBe(true);
    expect(isPublicAddress("not-an-ip")).toBe(false);
  });
});

describe("importFromUrl", () => {
  const PAGE =
    "<html><head><title>Ferry timetable changes</title></head><body><article><p>The ferry company said on Monday that the winter timetable would start a week early, citing staff shortages at both terminals.</p><p>Passengers with bookings will be moved to the nearest sailing at no cost, the company said.</p></article></body></html>";
  let page: http.Server;
  let redirector: http.Server;
  let pagePort = 0;
  let redirectPort = 0;

  beforeAll(async () => {
    page = http.createServer((_request, response) => response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(PAGE));
    await new Promise<void>((resolve) => page.listen(0, "127.0.0.1", resolve));
    pagePort = (page.address() as AddressInfo).port;
    redirector = http.createServer((request, response) => {
      const target = new URL(request.url ?? "/", "http://x").searchParams.get("to") ?? "/";
      response.writeHead(302, { location: target }).end();
    });
    await new Promise<void>((resolve) => redirector.listen(0, "127.0.0.1", resolve));
    redirectPort = (redirector.address() as AddressInfo).port;
  });

  afterAll(() => {
    page.close();
    redirector.close();
  });

  it("imports from an allowlisted local host (the test allowlist)", async () => {
    process.env.URL_IMPORT_ALLOWLIST = "127.0.0.1";
    const imported = await importFromUrl(`http://127.0.0.1:${pagePort}/ferry`);
    expect(imported.body).toContain("winter timetable would start a week early");
  });

  it("refuses a local page without the allowlist, in every spelling", async () => {
    delete process.env.URL_IMPORT_ALLOWLIST;
    for (const host of ["127.0.0.1", "[::ffff:127.0.0.1]", "[::ffff:7f00:1]", "2130706433", "localhost"]) {
      await expect(importFromUrl(`http://${host}:${pagePort}/ferry`)).rejects.toMatchObject({ code: "url_not_allowed" });
    }
  });

  it("checks every redirect: an allowed host that redirects to a private address is refused", async () => {
    process.env.URL_IMPORT_ALLOWLIST = `127.0.0.1:${redirectPort}`;
    const to = encodeURIComponent(`http://[::ffff:127.0.0.1]:${pagePort}/ferry`);
    await expect(importFromUrl(`http://127.0.0.1:${redirectPort}/?to=${to}`)).rejects.toMatchObject({ code: "url_not_allowed" });
    process.env.URL_IMPORT_ALLOWLIST = `127.0.0.1:${redirectPort},127.0.0.1:${pagePort}`;
    const allowed = await importFromUrl(`http://127.0.0.1:${redirectPort}/?to=${encodeURIComponent(`http://127.0.0.1:${pagePort}/ferry`)}`);
    expect(allowed.url).toBe(`http://127.0.0.1:${pagePort}/ferry`);
  });

  it("gives the same answer for a refused address and an unreachable one", async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    process.env.URL_IMPORT_ALLOWLIST = "127.0.0.1";
    const failure = (address: string) =>
      importFromUrl(address).then(
        () => new AppError("internal", "imported"),
        (error: AppError) => error,
      );
    const unreachable = await failure(`http://127.0.0.1:${closedPort}/`);
    const refused = await failure(`http://127.0.0.2:${closedPort}/`);
    expect(unreachable).toBeInstanceOf(AppError);
    expect(refused).toBeInstanceOf(AppError);
    expect(unreachable.code).toBe(refused.code);
    expect(unreachable.message.replace("127.0.0.1", "HOST")).toBe(refused.message.replace("127.0.0.2", "HOST"));
  });

  it("names what went wrong with a page it could reach: an error answer, a slow server, too much, not a page", async () => {
    let stall: http.ServerResponse | undefined;
    const server = http.createServer((request, response) => {
      const path = request.url ?? "/";
      if (path === "/gone") response.writeHead(404, "Not Found").end("no such page");
      else if (path === "/broken") response.writeHead(503, "Service Unavailable").end();
      else if (path === "/slow") {
        response.writeHead(200, { "content-type": "text/html" });
        response.write("<html><body><p>The first words arrive");
        stall = response;
      } else if (path === "/huge") {
        response.writeHead(200, { "content-type": "text/plain" });
        const block = "The council said the budget would pass. ".repeat(1000);
        const send = (left: number) => (left > 0 ? response.write(block, () => send(left - 1)) : response.end());
        send(80);
      } else if (path === "/declared-huge") response.writeHead(200, { "content-type": "text/plain", "content-length": String(3 * 1024 * 1024) }).end();
      else response.writeHead(200, { "content-type": "application/pdf" }).end("%PDF-1.7");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const failure = (path: string) =>
      importFromUrl(`${base}${path}`).then(
        () => new AppError("internal", "imported"),
        (error: AppError) => error,
      );
    process.env.URL_IMPORT_ALLOWLIST = "127.0.0.1";
    try {
      const gone = await failure("/gone");
      expect(gone).toMatchObject({ code: "upstream_error", status: 502, details: { upstreamStatus: 404 } });
      expect(gone.message).toBe(
        `${base}/gone answered 404 Not Found; the page is gone, moved or not public: check the address, or paste the article's text instead.`,
      );
      const broken = await failure("/broken");
      expect(broken).toMatchObject({ code: "upstream_error", details: { upstreamStatus: 503 } });
      expect(broken.message).toMatch(/answered 503 Service Unavailable; the site could not send the page: try again later/);
      expect(await failure("/huge")).toMatchObject({ code: "too_large", status: 413, message: expect.stringMatching(/over the 2 MB limit/) as string });
      expect(await failure("/declared-huge")).toMatchObject({ code: "too_large" });
      const pdf = await failure("/paper.pdf");
      expect(pdf).toMatchObject({ code: "invalid", status: 422 });
      expect(pdf.message).toBe(`${base}/paper.pdf is application/pdf, not a web page or text: only HTML and plain text are imported.`);
      process.env.URL_IMPORT_TIMEOUT_MS = "300";
      const slow = await failure("/slow");
      expect(slow).toMatchObject({ code: "upstream_timeout", status: 504 });
      expect(slow.message).toBe(
        `127.0.0.1:${(server.address() as AddressInfo).port} did not send the page within 0.3 seconds. Try again later, or paste the article's text instead.`,
      );
    } finally {
      delete process.env.URL_IMPORT_TIMEOUT_MS;
      stall?.destroy();
      server.closeAllConnections();
      server.close();
    }
  });

  it("connects to the address it checked: a second answer from DNS is never used", async () => {
    process.env.URL_IMPORT_ALLOWLIST = "pinned.test";
    const checked = vi.spyOn(dns.promises, "lookup").mockResolvedValue([{ address: "127.0.0.1", family: 4 }] as never);
    const rebound = vi
      .spyOn(dns, "lookup")
      .mockImplementation(((_host: string, _options: unknown, callback: (error: null, address: string, family: number) => void) =>
        callback(null, "10.255.255.1", 4)) as never);
    const imported = await importFromUrl(`http://pinned.test:${pagePort}/ferry`);
    expect(imported.body).toContain("winter timetable");
    expect(checked).toHaveBeenCalledTimes(1);
    expect(rebound).not.toHaveBeenCalled();
  });
});
