import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { POST as createArticle } from "@/app/api/articles/route";
import { POST as refetch } from "@/app/api/articles/[id]/refetch/route";
import { GET as getVersions } from "@/app/api/articles/[id]/versions/route";
import type { Db } from "@/lib/db";
import { createApiToken } from "@/lib/writes/api-tokens";
import { newArticleVersion } from "@/lib/writes/article-versions";
import { createNote } from "@/lib/writes/notes";
import { updateClaim } from "@/lib/writes/review";
import { createUser } from "@/lib/writes/users";
import { seededTestDb } from "./helpers";

const analysis = vi.hoisted(() => ({ requested: 0 }));

vi.mock("server-only", () => ({}));
// Requests carry an API token; there is no session.
vi.mock("@/auth", () => ({ auth: async () => null }));
vi.mock("@/lib/analysis/run/job", () => ({ queueAnalysis: async () => void (analysis.requested += 1), afterArticlesStored: async () => undefined }));

const FIRST = [
  "The harbour board voted on Wednesday to rebuild the north pier before next winter, its chair said.",
  '"The pier has stood for ninety years and it will stand for ninety more," the chair, Ruth Okafor, told reporters.',
  "Fishing crews said the work would close the slipway for six weeks.",
];
const SECOND = [FIRST[0]!, FIRST[1]!, "The board said the slipway would stay open at night while the work goes on, after crews complained."];

/** The outlet's web server: what /pier says (after a line of its own for each test, so no two imports are duplicates) can be changed by the test. */
const site: { dateline: string; article: readonly string[]; onRequest?: () => Promise<void> } = { dateline: "", article: [] };
const page = () =>
  `<!doctype html><html><head><title>Pier to be rebuilt</title></head><body><article><h1>Pier to be rebuilt</h1>${[site.dateline, ...site.article]
    .map((text) => `<p>${text}</p>`)
    .join("")}</article></body></html>`;
let server: http.Server;
let base = "";
const stalled: http.ServerResponse[] = [];

let db: Db;
let editorId = "";
let editorToken = "";
let viewerToken = "";

beforeAll(async () => {
  db = await seededTestDb();
  const editor = await createUser(db, { email: "refetch-editor@briefing.test", name: "Rhea Refetch", role: "editor", password: "a long enough password" });
  const viewer = await createUser(db, { email: "refetch-viewer@briefing.test", name: "Vic Viewer", role: "viewer", password: "a long enough password" });
  editorId = editor.id;
  editorToken = (await createApiToken(db, editor.id, "refetch test")).token;
  viewerToken = (await createApiToken(db, viewer.id, "refetch test")).token;
  server = http.createServer((request, response) => {
    const path = request.url ?? "/";
    void (async () => {
      if (path === "/pier") {
        await site.onRequest?.();
        response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(page());
      } else if (path === "/gone") response.writeHead(404, "Not Found").end("No such page");
      else if (path === "/down") response.writeHead(503, "Service Unavailable").end();
      else if (path === "/slow") {
        response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
        response.write("<html><body><article><p>The harbour board");
        stalled.push(response);
      } else if (path === "/huge") response.writeHead(200, { "content-type": "text/plain" }).end("The pier. ".repeat(300_000));
      else if (path === "/photo") response.writeHead(200, { "content-type": "image/jpeg" }).end(Buffer.from([0xff, 0xd8, 0xff]));
      else response.writeHead(404).end();
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // The test's own server is on loopback: allowed by name and port, as the allowlist lets an intranet host through.
  process.env.URL_IMPORT_ALLOWLIST = new URL(base).host;
});

afterAll(async () => {
  delete process.env.URL_IMPORT_ALLOWLIST;
  for (const response of stalled) response.destroy();
  server.closeAllConnections();
  server.close();
  await db.$disconnect();
});

let tests = 0;
beforeEach(() => {
  tests += 1;
  site.dateline = `Harbour report number ${tests}, filed from the quayside.`;
  site.article = FIRST;
  site.onRequest = undefined;
  delete process.env.URL_IMPORT_TIMEOUT_MS;
});

const post = (path: string, token: string | null, body?: unknown) =>
  new Request(`http://127.0.0.1${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
const params = (id: string) => ({ params: Promise.resolve({ id }) });
const refetchAs = (id: string, token: string | null = editorToken) => refetch(post(`/api/articles/${id}/refetch`, token), params(id));

async function importPier(): Promise<string> {
  const response = await createArticle(post("/api/articles", editorToken, { url: `${base}/pier`, outlet: "Harbour Gazette", force: true }));
  expect(response.status, await response.clone().text()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

async function stateOf(id: string) {
  const [article, versions, claims] = await Promise.all([
    db.article.findUniqueOrThrow({ where: { id }, select: { version: true, originalText: true } }),
    db.articleVersion.count({ where: { articleId: id } }),
    db.claim.findMany({ where: { articleId: id }, orderBy: { start: "asc" }, select: { id: true, text: true, status: true } }),
  ]);
  return { ...article, versions, claims };
}

describe("POST /api/articles/[id]/refetch", () => {
  it("stores nothing when the page has the same text, and a new version, with what changed, when it changed", async () => {
    const id = await importPier();
    const imported = await stateOf(id);
    expect(imported.originalText).toContain("close the slipway for six weeks");

    const requested = analysis.requested;
    const same = await refetchAs(id);
    expect(same.status).toBe(200);
    expect(await same.json()).toEqual({ id, status: "unchanged", version: 1, url: `${base}/pier` });
    expect(await stateOf(id)).toEqual(imported);
    expect(analysis.requested).toBe(requested);

    const quote = imported.claims.find((claim) => claim.text.includes("ninety years"))!;
    expect(quote).toBeDefined();
    const fresh = await db.claim.findUniqueOrThrow({ where: { id: quote.id }, select: { version: true } });
    await updateClaim(db, { id: editorId, name: "Rhea Refetch" }, quote.id, {
      status: "confirmed",
      version: fresh.version,
    });
    await createNote(
      db,
      { id: editorId, role: "editor" },
      {
        target: { type: "claim", id: quote.id },
        body: "Heard it at the board meeting too.",
      },
    );

    site.article = SECOND;
    const changed = await refetchAs(id);
    expect(changed.status, await changed.clone().text()).toBe(200);
    const outcome = (await changed.json()) as Record<string, unknown>;
    expect(outcome).toMatchObject({ id, status: "updated", previousVersion: 1, version: 2, url: `${base}/pier`, changes: { added: 1, removed: 1 } });
    expect(outcome.claims).toMatchObject({ updated: expect.any(Number) as number, added: expect.any(Number) as number });
    expect(analysis.requested).toBe(requested + 1);

    const now = await stateOf(id);
    expect(now.version).toBe(2);
    expect(now.versions).toBe(1);
    expect(now.originalText).toContain("stay open at night");
    expect(now.originalText).not.toContain("six weeks");
    const kept = await db.claim.findUniqueOrThrow({ where: { id: quote.id }, select: { status: true, _count: { select: { notes: true } } } });
    expect(kept).toEqual({ status: "confirmed", _count: { notes: 1 } });

    const versions = await getVersions(
      new Request(`http://127.0.0.1/api/articles/${id}/versions`, { headers: { authorization: `Bearer ${viewerToken}` } }),
      params(id),
    );
    const listed = (await versions.json()) as { items: { number: number; current: boolean; text: string }[] };
    expect(listed.items.map((item) => [item.number, item.current])).toEqual([
      [2, true],
      [1, false],
    ]);
    expect(listed.items[1]!.text).toBe(imported.originalText);

    const again = await refetchAs(id);
    expect(await again.json()).toMatchObject({ status: "unchanged", version: 2 });
  });

  it("refuses a text stored meanwhile rather than stacking the page on it, and stores nothing of its own", async () => {
    const id = await importPier();
    site.article = SECOND;
    site.onRequest = async () => {
      site.onRequest = undefined;
      await newArticleVersion(db, editorId, id, `${FIRST.join("\n")}\nAn editor's note was added to the article by hand.`);
    };
    const response = await refetchAs(id);
    expect(response.status).toBe(409);
    expect(((await response.json()) as { error: { code: string; message: string } }).error).toMatchObject({
      code: "conflict",
      message: "Someone stored a newer text of this article meanwhile: reload it and try again.",
    });
    const state = await stateOf(id);
    expect(state.version).toBe(2);
    expect(state.originalText).toContain("by hand");
    expect(state.originalText).not.toContain("stay open at night");
  });

  it("names each problem with the page, and stores nothing", async () => {
    const id = await importPier();
    const before = await stateOf(id);
    const pointAt = (url: string | null) => db.article.update({ where: { id }, data: { url } });
    const failure = async () => {
      const response = await refetchAs(id);
      const body = (await response.json()) as { error: { code: string; message: string; [key: string]: unknown } };
      expect(await stateOf(id)).toEqual(before);
      return { status: response.status, ...body.error };
    };

    await pointAt(`${base}/gone`);
    expect(await failure()).toEqual({
      status: 502,
      code: "upstream_error",
      upstreamStatus: 404,
      message: `${base}/gone answered 404 Not Found; the page is gone, moved or not public: check the address, or paste the article's text instead.`,
    });
    await pointAt(`${base}/down`);
    expect(await failure()).toMatchObject({
      status: 502,
      code: "upstream_error",
      upstreamStatus: 503,
      message: expect.stringMatching(/try again later/) as string,
    });
    await pointAt(`${base}/huge`);
    expect(await failure()).toMatchObject({ status: 413, code: "too_large", message: expect.stringMatching(/over the 2 MB limit/) as string });
    await pointAt(`${base}/photo`);
    expect(await failure()).toMatchObject({
      status: 422,
      code: "invalid",
      message: `${base}/photo is image/jpeg, not a web page or text: only HTML and plain text are imported.`,
    });
    process.env.URL_IMPORT_TIMEOUT_MS = "300";
    await pointAt(`${base}/slow`);
    expect(await failure()).toMatchObject({
      status: 504,
      code: "upstream_timeout",
      message: expect.stringMatching(/did not send the page within 0.3 seconds/) as string,
    });
    delete process.env.URL_IMPORT_TIMEOUT_MS;

    // The address checks of URL import hold: loopback without the allowlist, and a private address in any spelling.
    await pointAt(`${base}/pier`);
    process.env.URL_IMPORT_ALLOWLIST = "";
    try {
      expect(await failure()).toMatchObject({ status: 422, code: "url_not_allowed", message: expect.stringMatching(/is not a public web page/) as string });
    } finally {
      process.env.URL_IMPORT_ALLOWLIST = new URL(base).host;
    }
    await pointAt(`http://[::ffff:169.254.169.254]:${new URL(base).port}/latest`);
    expect(await failure()).toMatchObject({ status: 422, code: "url_not_allowed" });

    await pointAt(null);
    expect(await failure()).toEqual({
      status: 422,
      code: "invalid",
      field: "url",
      message:
        'This article has no web address to check. Add its URL in the article\'s details (or PATCH /api/articles/[id] with {"url": "https://…"}), or paste the newer text as a new version.',
    });
  });

  it("is for editors with a session or token, about an article that exists", async () => {
    const id = await importPier();
    const anonymous = await refetchAs(id, null);
    expect(anonymous.status).toBe(401);
    const viewer = await refetchAs(id, viewerToken);
    expect(viewer.status).toBe(403);
    expect(((await viewer.json()) as { error: { code: string } }).error.code).toBe("forbidden");
    const unknown = await refetchAs("no-such-article");
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: { message: string } }).error.message).toBe("No article has the id “no-such-article”.");
  });
});
