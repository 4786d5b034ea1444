import http from "node:http";
import type { AddressInfo } from "node:net";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/lib/db";
import { createApiToken } from "@/lib/writes/api-tokens";
import { createUser } from "@/lib/writes/users";
import { seededTestDb } from "./helpers";

/**
 * Property-based: every route handler under app/api, called by an admin (so no permission check hides
 * anything) with generated parameters, queries and bodies, answers below 500, and every refusal (4xx)
 * comes in the API's error shape and leaves the database as it was. The generated values lean on what
 * breaks servers: NUL bytes, lone surrogates, zero-width text, malformed percent-escapes, huge and
 * negative numbers, wrong types, and truncated multipart bodies.
 */

vi.mock("server-only", () => ({}));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn(), unstable_cache: <T>(fn: T) => fn }));
vi.mock("next/server", async (importOriginal) => ({ ...(await importOriginal<typeof import("next/server")>()), after: vi.fn() }));
vi.mock("@/auth", () => ({ auth: vi.fn(async () => null), signIn: vi.fn(), signOut: vi.fn(), handlers: { GET: vi.fn(), POST: vi.fn() } }));

const BASE = "http://127.0.0.1:3000";
const RUNS = Number(process.env.FAST_CHECK_RUNS ?? 30);

let db: Db;
let token = "";
let claimId = "";
let issueSlug = "";

beforeAll(async () => {
  db = await seededTestDb();
  process.env.URL_IMPORT_ALLOWLIST = "";
  const admin = await createUser(db, { email: "fuzz-admin@briefing.test", name: "Fuzz Admin", role: "admin", password: "a long enough password" });
  token = (await createApiToken(db, admin.id, "fuzz")).token;
  claimId = (await db.claim.findFirstOrThrow({ select: { id: true } })).id;
  issueSlug = (await db.issue.findFirstOrThrow({ select: { slug: true } })).slug;
});
afterAll(async () => db.$disconnect());

/** Strings that break things, mixed with arbitrary ones. */
const nasty = fc.oneof(
  fc.constantFrom(
    "\u0000",
    "a\u0000b",
    "\ud800",
    "x\udfffy",
    "\u200b\u200b",
    "\ufeff",
    "%ff",
    "%",
    "%00",
    "../../etc/passwd",
    "' OR 1=1 --",
    "-1",
    "0",
    "1e309",
    "NaN",
    "9".repeat(40),
    " ",
    "",
  ),
  fc.string({ maxLength: 30 }),
  fc.string({ unit: "binary", maxLength: 30 }),
);
const anyValue = fc.oneof(
  nasty,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(nasty, { maxLength: 3 }),
  fc.dictionary(nasty, nasty, { maxKeys: 3 }),
);
const idLike = fc.oneof(nasty, fc.constant("CLAIM"), fc.uuid());

function query(keys: readonly string[]) {
  return fc.dictionary(fc.constantFrom(...keys), nasty, { maxKeys: keys.length }).map((entries) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(entries)) params.set(key, value);
    return params.toString() ? `?${params}` : "";
  });
}

/** A path segment as a client would send it: percent-encoded, or raw when it is a malformed escape. */
function segment(value: string): string {
  if (value === "CLAIM") return encodeURIComponent(claimId);
  return /^%/.test(value) ? value : encodeURIComponent(value.isWellFormed() ? value : value.toWellFormed());
}

function request(method: string, path: string, body?: { json?: unknown; raw?: BodyInit; type?: string }): Request {
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  let payload: BodyInit | undefined;
  if (body?.raw !== undefined) {
    payload = body.raw;
    headers["content-type"] = body.type ?? "application/octet-stream";
  } else if (body) {
    payload = JSON.stringify(body.json);
    headers["content-type"] = "application/json";
  }
  return new Request(`${BASE}${path}`, { method, headers, body: payload });
}

const params = <T extends Record<string, string>>(value: T) => ({ params: Promise.resolve(value) });

async function counts() {
  const [articles, claims, notes, shareLinks, reviewEvents, outlets] = await Promise.all([
    db.article.count(),
    db.claim.count(),
    db.note.count(),
    db.shareLink.count(),
    db.reviewEvent.count(),
    db.outlet.count(),
  ]);
  return { articles, claims, notes, shareLinks, reviewEvents, outlets };
}

/** Calls a route and checks the properties: below 500; a 4xx in the error shape, with nothing stored. */
async function expectNo5xx(name: string, call: () => Promise<Response>): Promise<void> {
  const before = await counts();
  const response = await call();
  const text = await response.text();
  expect(response.status, `${name} answered ${response.status}: ${text.slice(0, 300)}`).toBeLessThan(500);
  if (response.status >= 400) {
    const body = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
    expect(typeof body.error?.code, `${name}: ${text}`).toBe("string");
    expect(typeof body.error?.message, `${name}: ${text}`).toBe("string");
    expect(await counts(), `${name} refused with ${response.status} but stored something`).toEqual(before);
  }
}

describe("every API route, given bad input, answers 4xx and stores nothing", () => {
  it("GET /api/articles and /api/articles/[id]", async () => {
    const { GET } = await import("@/app/api/articles/route");
    const { GET: getOne } = await import("@/app/api/articles/[id]/route");
    await fc.assert(
      fc.asyncProperty(query(["limit", "cursor", "q"]), idLike, async (search, id) => {
        await expectNo5xx(`GET /api/articles${search}`, () => GET(request("GET", `/api/articles${search}`)));
        await expectNo5xx(`GET /api/articles/${segment(id)}`, () => getOne(request("GET", `/api/articles/${segment(id)}`), params({ id })));
      }),
      { numRuns: RUNS },
    );
  });

  it("POST /api/articles with JSON", async () => {
    const { POST } = await import("@/app/api/articles/route");
    const url = fc.constantFrom(
      "http://127.0.0.1/",
      "http://[::ffff:127.0.0.1]/",
      "http://2130706433/",
      "http://169.254.169.254/latest",
      "file:///etc/passwd",
      "not a url",
      "",
    );
    const article = fc.record(
      {
        body: fc.oneof(nasty, fc.constant("\u200b\u200c\u200d"), fc.constant("The mayor said the budget would pass. \ud800")),
        title: anyValue,
        outlet: anyValue,
        url: fc.oneof(url, anyValue),
        publishedAt: anyValue,
        force: anyValue,
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(fc.oneof(article, anyValue), async (json) => {
        await expectNo5xx(`POST /api/articles ${JSON.stringify(json)}`, () => POST(request("POST", "/api/articles", { json })));
      }),
      { numRuns: RUNS },
    );
  });

  it("POST /api/articles with malformed bodies: no boundary, truncated multipart, bad JSON", async () => {
    const { POST } = await import("@/app/api/articles/route");
    const boundary = "----briefing-test";
    const whole = `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="a.txt"\r\nContent-Type: text/plain\r\n\r\nThe port reopened on Tuesday, the authority said.\r\n--${boundary}--\r\n`;
    const fixed: [string, BodyInit, string][] = [
      ["no boundary", whole, "multipart/form-data"],
      ["truncated", whole.slice(0, 90), `multipart/form-data; boundary=${boundary}`],
      ["cut before the end", whole.slice(0, whole.length - 12), `multipart/form-data; boundary=${boundary}`],
      ["empty multipart", "", `multipart/form-data; boundary=${boundary}`],
      ["bad JSON", "{", "application/json"],
      ["JSON array", "[1,2]", "application/json"],
      ["JSON null", "null", "application/json"],
      ["a NUL in JSON", '{"body":"a\\u0000b"}', "application/json"],
    ];
    for (const [name, raw, type] of fixed) await expectNo5xx(`POST /api/articles (${name})`, () => POST(request("POST", "/api/articles", { raw, type })));
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 200 }),
        fc.constantFrom("multipart/form-data", `multipart/form-data; boundary=${boundary}`, "application/json"),
        async (bytes, type) => {
          await expectNo5xx(`POST /api/articles (${bytes.length} random bytes as ${type})`, () =>
            POST(request("POST", "/api/articles", { raw: new Uint8Array(bytes), type })),
          );
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("GET /api/claims, /api/claims/[id], /api/claims/changes and PATCH /api/claims/[id]", async () => {
    const { GET } = await import("@/app/api/claims/route");
    const { GET: getOne, PATCH } = await import("@/app/api/claims/[id]/route");
    const { GET: changes } = await import("@/app/api/claims/changes/route");
    const filters = query([
      "articleId",
      "issue",
      "outlet",
      "speaker",
      "status",
      "kind",
      "assignee",
      "minConfidence",
      "maxConfidence",
      "sort",
      "limit",
      "cursor",
      "q",
    ]);
    const update = fc.record(
      {
        status: anyValue,
        comment: anyValue,
        assigneeId: anyValue,
        version: fc.oneof(fc.integer(), anyValue),
        corrections: fc.oneof(
          anyValue,
          fc.record({ speakerId: anyValue, kind: anyValue, issues: anyValue, start: anyValue, end: anyValue }, { requiredKeys: [] }),
        ),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(filters, idLike, update, async (search, id, json) => {
        const target = id === "CLAIM" ? claimId : id;
        await expectNo5xx(`GET /api/claims${search}`, () => GET(request("GET", `/api/claims${search}`)));
        await expectNo5xx(`GET /api/claims/${segment(id)}`, () => getOne(request("GET", `/api/claims/${segment(id)}`), params({ id: target })));
        await expectNo5xx(`PATCH /api/claims/${segment(id)} ${JSON.stringify(json)}`, () =>
          PATCH(request("PATCH", `/api/claims/${segment(id)}`, { json }), params({ id: target })),
        );
      }),
      { numRuns: RUNS },
    );
    await expectNo5xx("GET /api/claims/changes", () => changes(request("GET", "/api/claims/changes")));
  });

  it("GET /api/clusters/[id], /api/issues/[slug], /api/speakers and the exports", async () => {
    const { GET: cluster } = await import("@/app/api/clusters/[id]/route");
    const { GET: speakers } = await import("@/app/api/speakers/route");
    const { GET: issue } = await import("@/app/api/issues/[slug]/route");
    const { GET: csv } = await import("@/app/api/export/claims.csv/route");
    const { GET: claimReview } = await import("@/app/api/export/claimreview.json/route");
    const { GET: markdown } = await import("@/app/api/export/issues/[slug]/route");
    const brief = query(["outlet", "speaker", "kind", "from", "to", "limit", "issue"]);
    await fc.assert(
      fc.asyncProperty(
        idLike,
        query(["offset", "limit"]),
        brief,
        query(["issue", "outlet", "speaker", "kind", "status", "limit", "cursor"]),
        query(["q", "limit"]),
        async (id, page, filters, exportFilters, search) => {
          await expectNo5xx(`GET /api/speakers${search}`, () => speakers(request("GET", `/api/speakers${search}`)));
          const slug = id === "CLAIM" ? issueSlug : id;
          await expectNo5xx(`GET /api/clusters/${segment(id)}${page}`, () => cluster(request("GET", `/api/clusters/${segment(id)}${page}`), params({ id })));
          await expectNo5xx(`GET /api/issues/${segment(id)}${filters}`, () => issue(request("GET", `/api/issues/${segment(id)}${filters}`), params({ slug })));
          await expectNo5xx(`GET /api/export/issues/${segment(id)}.md${filters}`, () =>
            markdown(request("GET", `/api/export/issues/${segment(id)}.md${filters}`), params({ slug: `${slug}.md` })),
          );
          await expectNo5xx(`GET /api/export/claims.csv${exportFilters}`, () => csv(request("GET", `/api/export/claims.csv${exportFilters}`)));
          await expectNo5xx(`GET /api/export/claimreview.json${exportFilters}`, () =>
            claimReview(request("GET", `/api/export/claimreview.json${exportFilters}`)),
          );
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("POST /api/notes, PATCH and DELETE /api/notes/[id]", async () => {
    const { POST } = await import("@/app/api/notes/route");
    const { PATCH, DELETE } = await import("@/app/api/notes/[id]/route");
    const note = fc.record(
      { target: fc.oneof(anyValue, fc.record({ type: fc.oneof(fc.constantFrom("claim", "issue", "article"), anyValue), id: idLike })), body: anyValue },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(note, idLike, anyValue, async (json, id, body) => {
        const withClaim =
          typeof json.target === "object" && json.target && (json.target as { id?: unknown }).id === "CLAIM"
            ? { ...json, target: { ...(json.target as object), id: claimId } }
            : json;
        await expectNo5xx(`POST /api/notes ${JSON.stringify(withClaim)}`, () => POST(request("POST", "/api/notes", { json: withClaim })));
        await expectNo5xx(`PATCH /api/notes/${segment(id)}`, () => PATCH(request("PATCH", `/api/notes/${segment(id)}`, { json: { body } }), params({ id })));
        await expectNo5xx(`DELETE /api/notes/${segment(id)}`, () => DELETE(request("DELETE", `/api/notes/${segment(id)}`), params({ id })));
      }),
      { numRuns: RUNS },
    );
  });

  it("POST, GET /api/share-links and DELETE /api/share-links/[id]", async () => {
    const { POST, GET } = await import("@/app/api/share-links/route");
    const { DELETE } = await import("@/app/api/share-links/[id]/route");
    const link = fc.record(
      {
        target: fc.oneof(
          anyValue,
          fc.record({ type: fc.oneof(fc.constantFrom("issue", "claim"), anyValue), slug: nasty, id: idLike }, { requiredKeys: ["type"] }),
        ),
        expiresInDays: anyValue,
      },
      { requiredKeys: [] },
    );
    const cursor = fc.oneof(
      nasty,
      fc.string({ minLength: 501, maxLength: 600 }),
      fc.constant(Buffer.from(JSON.stringify({ createdAt: "\u0000", id: "\u0000" })).toString("base64url")),
    );
    await fc.assert(
      fc.asyncProperty(link, query(["limit"]), cursor, idLike, async (json, limit, after, id) => {
        await expectNo5xx(`POST /api/share-links ${JSON.stringify(json)}`, () => POST(request("POST", "/api/share-links", { json })));
        const search = `${limit || "?"}${limit ? "&" : ""}cursor=${encodeURIComponent(after.toWellFormed())}`;
        await expectNo5xx(`GET /api/share-links${search}`, () => GET(request("GET", `/api/share-links${search}`)));
        await expectNo5xx(`DELETE /api/share-links/${segment(id)}`, () => DELETE(request("DELETE", `/api/share-links/${segment(id)}`), params({ id })));
      }),
      { numRuns: RUNS },
    );
  });

  it("PATCH /api/articles/[id], PUT /api/articles/[id]/text, POST /api/articles/[id]/refetch and GET /api/articles/[id]/versions", async () => {
    const { POST } = await import("@/app/api/articles/route");
    const { PATCH } = await import("@/app/api/articles/[id]/route");
    const { PUT } = await import("@/app/api/articles/[id]/text/route");
    const { POST: refetch } = await import("@/app/api/articles/[id]/refetch/route");
    const { GET: versions } = await import("@/app/api/articles/[id]/versions/route");
    const created = await POST(
      request("POST", "/api/articles", { json: { body: "The harbour master said the pier would reopen on Friday. Crews have cleared the debris." } }),
    );
    expect(created.status).toBe(201);
    const articleId = ((await created.json()) as { id: string }).id;
    const target = (id: string) => (id === "CLAIM" ? articleId : id);
    const edit = fc.record(
      { outlet: anyValue, title: anyValue, publishedAt: anyValue, url: anyValue, byline: anyValue, version: anyValue },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(idLike, fc.oneof(edit, anyValue), fc.oneof(fc.record({ text: anyValue }), anyValue), async (id, json, text) => {
        await expectNo5xx(`PATCH /api/articles/${segment(id)} ${JSON.stringify(json)}`, () =>
          PATCH(request("PATCH", `/api/articles/${segment(id)}`, { json }), params({ id: target(id) })),
        );
        await expectNo5xx(`PUT /api/articles/${segment(id)}/text ${JSON.stringify(text)}`, () =>
          PUT(request("PUT", `/api/articles/${segment(id)}/text`, { json: text }), params({ id: target(id) })),
        );
        await expectNo5xx(`POST /api/articles/${segment(id)}/refetch`, () =>
          refetch(request("POST", `/api/articles/${segment(id)}/refetch`, { json: text }), params({ id: target(id) })),
        );
        await expectNo5xx(`GET /api/articles/${segment(id)}/versions`, () =>
          versions(request("GET", `/api/articles/${segment(id)}/versions`), params({ id: target(id) })),
        );
      }),
      { numRuns: RUNS },
    );
  });

  it("GET /api/ping and /api/analysis", async () => {
    const { GET } = await import("@/app/api/ping/route");
    const { GET: analysis } = await import("@/app/api/analysis/route");
    await expectNo5xx("GET /api/ping", () => GET(request("GET", "/api/ping")));
    await fc.assert(
      fc.asyncProperty(query(["since", "version"]), async (search) => {
        await expectNo5xx(`GET /api/analysis${search}`, () => analysis(request("GET", `/api/analysis${search}`)));
      }),
      { numRuns: RUNS },
    );
  });

  it("refuses the classic cases with a clear 4xx", async () => {
    const { GET: getOne } = await import("@/app/api/articles/[id]/route");
    const { GET: links } = await import("@/app/api/share-links/route");
    const { POST } = await import("@/app/api/articles/route");
    const { POST: note } = await import("@/app/api/notes/route");
    const nul = await getOne(request("GET", "/api/articles/a%00b"), params({ id: "a\u0000b" }));
    expect(nul.status).toBe(400);
    const nulParam = await getOne(new Request(`${BASE}/api/articles/x`, { headers: { authorization: `Bearer ${token}` } }), params({ id: "a\u0000b" }));
    expect(nulParam.status).toBe(400);
    expect(((await nulParam.json()) as { error: { code: string } }).error.code).toBe("bad_request");
    const long = await links(request("GET", `/api/share-links?cursor=${"a".repeat(600)}`));
    expect(long.status).toBe(400);
    const noBoundary = await POST(request("POST", "/api/articles", { raw: "--x\r\n", type: "multipart/form-data" }));
    expect(noBoundary.status).toBe(400);
    expect(((await noBoundary.json()) as { error: { message: string } }).error.message).toMatch(/multipart body could not be read/);
    const before = await counts();
    const surrogate = await POST(request("POST", "/api/articles", { json: { body: "The harbour master said the port would reopen on Monday. \ud800" } }));
    expect(surrogate.status).toBe(422);
    expect(((await surrogate.json()) as { error: { message: string } }).error.message).toMatch(/^body holds a broken character/);
    const invisible = await note(request("POST", "/api/notes", { json: { target: { type: "claim", id: claimId }, body: "\u200b\u200d\u2060" } }));
    expect(invisible.status).toBe(422);
    expect(((await invisible.json()) as { error: { message: string } }).error.message).toMatch(/only invisible characters/);
    expect(await counts()).toEqual(before);
    const refused = await POST(request("POST", "/api/articles", { json: { url: "http://[::ffff:127.0.0.1]:3000/" } }));
    expect(refused.status).toBe(422);
    expect(((await refused.json()) as { error: { code: string; message: string } }).error).toMatchObject({
      code: "url_not_allowed",
      message: expect.stringMatching(/not a public web page/) as string,
    });
    expect(await counts()).toEqual(before);
  });

  it("imports a page from {url} without a body, as the form does", async () => {
    const { POST } = await import("@/app/api/articles/route");
    const page =
      "<html><head><title>Tram depot to close</title></head><body><article><p>The city council voted on Thursday to close the old tram depot by the end of next year, a spokesperson said.</p><p>Workers will move to the new depot in the north of the city, according to the transport authority.</p></article></body></html>";
    const server = http.createServer((_request, response) => response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(page));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    try {
      process.env.URL_IMPORT_ALLOWLIST = `127.0.0.1:${port}`;
      const response = await POST(request("POST", "/api/articles", { json: { url: `http://127.0.0.1:${port}/depot`, outlet: "City Courier" } }));
      expect(response.status, await response.clone().text()).toBe(201);
      const { id } = (await response.json()) as { id: string };
      const stored = await db.article.findUniqueOrThrow({
        where: { id },
        select: { title: true, url: true, source: true, originalText: true, outlet: { select: { name: true } } },
      });
      expect(stored).toMatchObject({ title: "Tram depot to close", url: `http://127.0.0.1:${port}/depot`, source: "url", outlet: { name: "City Courier" } });
      expect(stored.originalText).toContain("close the old tram depot");
      const blank = await POST(request("POST", "/api/articles", { json: { url: `http://127.0.0.1:${port}/depot`, body: "  " } }));
      expect(blank.status).toBe(422);
      expect(((await blank.json()) as { error: { message: string } }).error.message).toMatch(/^body/);
    } finally {
      process.env.URL_IMPORT_ALLOWLIST = "";
      server.close();
    }
  });
});
