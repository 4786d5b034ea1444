import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET, PATCH } from "@/app/api/articles/[id]/route";
import { getIssueBrief } from "@/lib/data/briefs";
import { claimExportPages } from "@/lib/data/exports";
import type { Db } from "@/lib/db";
import { refreshAnalysis } from "@/lib/analysis/run/refresh";
import { createApiToken } from "@/lib/writes/api-tokens";
import { mergeOutlets, OutletChangeError, renameOutlet, setOutletDomain } from "@/lib/writes/outlets";
import { createUser } from "@/lib/writes/users";
import { parseBriefFilters } from "@/lib/validations/briefs";
import { outletDomainSchema } from "@/lib/validations/article";
import { parseClaimFilters } from "@/lib/validations/claims";
import { seededTestDb } from "./helpers";

const analysis = vi.hoisted(() => ({ requested: 0 }));

vi.mock("server-only", () => ({}));
// Requests carry an API token; there is no session.
vi.mock("@/auth", () => ({ auth: async () => null }));
vi.mock("@/lib/analysis/run/job", () => ({ queueAnalysis: () => (analysis.requested += 1) }));

let db: Db;
let editorToken: string;
let viewerToken: string;
let editorId: string;

beforeAll(async () => {
  db = await seededTestDb();
  const editor = await createUser(db, { email: "meta-editor@briefing.test", name: "Meta Editor", role: "editor", password: "a long enough password" });
  const viewer = await createUser(db, { email: "meta-viewer@briefing.test", name: "Meta Viewer", role: "viewer", password: "a long enough password" });
  editorId = editor.id;
  editorToken = (await createApiToken(db, editor.id, "metadata test")).token;
  viewerToken = (await createApiToken(db, viewer.id, "metadata test")).token;
});
afterAll(async () => db.$disconnect());

const patch = (id: string, body: unknown, token?: string) =>
  PATCH(
    new Request(`http://127.0.0.1/api/articles/${id}`, {
      method: "PATCH",
      headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
    { params: Promise.resolve({ id }) },
  );

type ArticleBody = {
  title: string | null;
  label: string;
  outlet: { slug: string; name: string } | null;
  url: string | null;
  publishedAt: string | null;
  byline: string | null;
};
type ErrorBody = { error: { code: string; message: string } };

describe("PATCH /api/articles/[id]", () => {
  it("changes an article's outlet (created if new), title, date, URL and byline, audits each change and starts the analysis", async () => {
    // An article with none of these details yet (a seed's ids are random, and one unattributed seed has a date).
    const article = await db.article.findFirstOrThrow({
      where: { outletId: null, publishedAt: null, url: null, byline: null },
      orderBy: { id: "asc" },
      select: { id: true, title: true },
    });
    const before = analysis.requested;
    const response = await patch(
      article.id,
      { outlet: "Harbour Gazette", title: "Talks end without a deal", publishedAt: "2025-12-29", url: "https://harbour.example/talks", byline: "Ada Reporter" },
      editorToken,
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as ArticleBody;
    expect(body).toMatchObject({
      title: "Talks end without a deal",
      label: "Talks end without a deal",
      outlet: { slug: "harbour-gazette", name: "Harbour Gazette" },
      url: "https://harbour.example/talks",
      publishedAt: "2025-12-29T00:00:00.000Z",
      byline: "Ada Reporter",
    });
    expect(analysis.requested).toBe(before + 1);
    const edits = await db.articleEdit.findMany({
      where: { articleId: article.id },
      orderBy: { field: "asc" },
      select: { field: true, from: true, to: true, actorId: true },
    });
    expect(edits.map((edit) => [edit.field, edit.from, edit.to])).toEqual([
      ["byline", null, "Ada Reporter"],
      ["outlet", null, "Harbour Gazette"],
      ["publishedAt", null, "2025-12-29T00:00:00.000Z"],
      ["title", article.title, "Talks end without a deal"],
      ["url", null, "https://harbour.example/talks"],
    ]);
    expect(edits.every((edit) => edit.actorId === editorId)).toBe(true);

    // An existing outlet is matched by name in any case; a blank field clears it; nothing changed is no edit.
    const again = await patch(article.id, { outlet: "harbour gazette", byline: "" }, editorToken);
    expect(((await again.json()) as ArticleBody).byline).toBeNull();
    expect(await db.outlet.count({ where: { name: { equals: "Harbour Gazette", mode: "insensitive" } } })).toBe(1);
    expect(await db.articleEdit.count({ where: { articleId: article.id } })).toBe(6);

    // Locked to the version read: the current one is taken, a stale one is a conflict that changes nothing.
    expect((await patch(article.id, { byline: "Ada Reporter", version: 1 }, editorToken)).status).toBe(200);
    await db.article.update({ where: { id: article.id }, data: { version: 2 } });
    const stale = await patch(article.id, { title: "Stale title", version: 1 }, editorToken);
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({
      error: { code: "conflict", message: expect.stringMatching(/newer text .*version 2/), current: { version: 2, title: "Talks end without a deal" } },
    });

    const read = await GET(new Request(`http://127.0.0.1/api/articles/${article.id}`, { headers: { authorization: `Bearer ${viewerToken}` } }), {
      params: Promise.resolve({ id: article.id }),
    });
    expect(((await read.json()) as ArticleBody).outlet?.name).toBe("Harbour Gazette");
  });

  it("refuses anonymous callers (401) and viewers (403), and changes nothing", async () => {
    const article = await db.article.findFirstOrThrow({ orderBy: { id: "desc" }, select: { id: true, title: true } });
    const anonymous = await patch(article.id, { title: "Nope" });
    expect(anonymous.status).toBe(401);
    const viewer = await patch(article.id, { title: "Nope" }, viewerToken);
    expect(viewer.status).toBe(403);
    expect((await db.article.findUniqueOrThrow({ where: { id: article.id }, select: { title: true } })).title).toBe(article.title);
  });

  it("answers bad input with a 4xx naming the field, and an unknown article with 404", async () => {
    const article = await db.article.findFirstOrThrow({ orderBy: { id: "desc" }, select: { id: true } });
    const problem = async (body: unknown) => {
      const response = await patch(article.id, body, editorToken);
      return { status: response.status, message: ((await response.json()) as ErrorBody).error.message };
    };
    expect(await problem({ publishedAt: "the day after" })).toMatchObject({ status: 422, message: expect.stringMatching(/publishedAt/) });
    expect(await problem({ url: "ftp://files.example/story" })).toMatchObject({ status: 422, message: expect.stringMatching(/url/) });
    expect(await problem({ title: "x".repeat(501) })).toMatchObject({ status: 422, message: expect.stringMatching(/title/) });
    expect(await problem({ outlet: 42 })).toMatchObject({ status: 422, message: expect.stringMatching(/outlet/) });
    expect(await problem({ headline: "Wrong field" })).toMatchObject({ status: 422, message: expect.stringMatching(/headline/) });
    expect(await problem({ title: "Fine", version: "first" })).toMatchObject({ status: 422, message: expect.stringMatching(/version/) });
    expect(await problem({ version: 1 })).toMatchObject({ status: 422, message: expect.stringMatching(/outlet, title, publishedAt, url, byline/) });
    expect(await problem({})).toMatchObject({ status: 422, message: expect.stringMatching(/outlet, title, publishedAt, url, byline/) });
    expect((await patch(article.id, "{", editorToken)).status).toBe(400);
    const missing = await patch("no-such-article", { title: "Hello" }, editorToken);
    expect(missing.status).toBe(404);
    expect(await db.articleEdit.count({ where: { articleId: article.id } })).toBe(0);
  });
});

describe("outlets", () => {
  it("renames an outlet, and briefs and exports show the new name after the next analysis", async () => {
    const outlet = await db.outlet.findFirstOrThrow({
      where: { articles: { some: { claims: { some: { issues: { some: {} } } } } } },
      orderBy: { id: "asc" },
      select: { id: true, slug: true, name: true },
    });
    await renameOutlet(db, outlet.id, "The Renamed Record");
    await refreshAnalysis(db);
    const issue = await db.issue.findFirstOrThrow({ where: { claims: { some: { claim: { article: { outletId: outlet.id } } } } }, select: { slug: true } });
    const brief = await getIssueBrief(issue.slug, parseBriefFilters({}));
    const names = brief!.options.sources.map((source) => source.name);
    expect(names).toContain("The Renamed Record");
    expect(names).not.toContain(outlet.name);
    const exported = [];
    for await (const page of claimExportPages(parseClaimFilters({ outlet: outlet.slug }).data!)) exported.push(...page);
    expect(exported.length).toBeGreaterThan(0);
    expect(exported.every((claim) => claim.outlet?.name === "The Renamed Record")).toBe(true);

    const other = await db.outlet.findFirstOrThrow({ where: { id: { not: outlet.id } }, select: { name: true } });
    await expect(renameOutlet(db, outlet.id, other.name.toUpperCase())).rejects.toBeInstanceOf(OutletChangeError);
  });

  it("merges two outlets in one transaction: the articles follow with an audit entry each, the site address is kept", async () => {
    const [from, into] = await db.outlet.findMany({ where: { articles: { some: {} } }, orderBy: { id: "asc" }, take: 2, select: { id: true, name: true } });
    await setOutletDomain(db, from!.id, outletDomainSchema.parse("https://www.merged-away.example/news"));
    const moving = await db.article.findMany({ where: { outletId: from!.id }, select: { id: true } });
    const moved = await mergeOutlets(db, editorId, from!.id, into!.id);
    expect(moved).toBe(moving.length);
    expect(await db.outlet.findUnique({ where: { id: from!.id } })).toBeNull();
    expect(await db.article.count({ where: { id: { in: moving.map((article) => article.id) }, outletId: into!.id } })).toBe(moving.length);
    expect(
      await db.articleEdit.count({
        where: { articleId: { in: moving.map((article) => article.id) }, field: "outlet", from: { equals: from!.name }, to: { equals: into!.name } },
      }),
    ).toBe(moving.length);
    expect((await db.outlet.findUniqueOrThrow({ where: { id: into!.id }, select: { domain: true } })).domain).toBe("merged-away.example");
    await expect(mergeOutlets(db, editorId, from!.id, into!.id)).rejects.toBeInstanceOf(OutletChangeError);
  });

  it("reads a site address from a host name or web address and refuses anything else", () => {
    expect(outletDomainSchema.parse("Example.COM")).toBe("example.com");
    expect(outletDomainSchema.parse("")).toBeNull();
    expect(outletDomainSchema.safeParse("not a domain").error?.issues[0]?.message).toMatch(/domain/);
  });
});
