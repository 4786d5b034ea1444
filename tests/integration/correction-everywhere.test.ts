import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as getArticleApi } from "@/app/api/articles/[id]/route";
import { GET as getClaimApi } from "@/app/api/claims/[id]/route";
import { getArticleClaims } from "@/lib/data/articles";
import { getIssueBrief, getIssueClaims } from "@/lib/data/briefs";
import { getClaim, listClaims } from "@/lib/data/claims";
import { claimExportPages } from "@/lib/data/exports";
import { getSharedView, getSharePreview } from "@/lib/data/share-links";
import type { Db } from "@/lib/db";
import { refreshAnalysis } from "@/lib/analysis/run/refresh";
import { createApiToken } from "@/lib/writes/api-tokens";
import { deriveArticle } from "@/lib/writes/derive";
import { loadSpeakerRegistry, readIssueLexicons } from "@/lib/writes/ingest";
import { updateClaim } from "@/lib/writes/review";
import { createShareLink } from "@/lib/writes/share-links";
import { createUser } from "@/lib/writes/users";
import { parseBriefFilters } from "@/lib/validations/briefs";
import { parseClaimFilters } from "@/lib/validations/claims";
import { seededTestDb } from "./helpers";

vi.mock("server-only", () => ({}));
// Requests carry an API token; there is no session.
vi.mock("@/auth", () => ({ auth: async () => null }));

let db: Db;

beforeAll(async () => {
  db = await seededTestDb();
});
afterAll(async () => db.$disconnect());

/** A request to the API as `token`'s user. */
const apiRequest = (path: string, token: string) => new Request(`http://127.0.0.1${path}`, { headers: { authorization: `Bearer ${token}` } });
const NEW_SPEAKER = "Petra Newcomer";

type ApiClaim = { id: string; kind: string; text: string; start: number; end: number; speaker: string | null };

describe("a correction reaches every place that shows the claim", () => {
  it("shows the corrected speaker, kind, span and text in the reader, APIs, queue, claim page, briefs, share pages, image and exports", async () => {
    const editor = await createUser(db, { email: "everywhere@briefing.test", name: "Eve Everywhere", role: "editor", password: "a long enough password" });
    const { token } = await createApiToken(db, editor.id, "correction test");

    // A reported claim in a cross-source cluster: its speaker and kind change, its text does not, so it stays in the cluster.
    const claim = await db.claim.findFirstOrThrow({
      where: { kind: "reported", speakerId: { not: null }, clusterId: { not: null }, cluster: { outletCount: { gte: 2 } }, issues: { some: {} } },
      orderBy: { id: "asc" },
      select: {
        id: true,
        version: true,
        articleId: true,
        clusterId: true,
        text: true,
        speaker: { select: { name: true } },
        issues: { take: 1, select: { issue: { select: { slug: true } } } },
      },
    });
    const issue = claim.issues[0]!.issue.slug;
    const sibling = await db.claim.findFirstOrThrow({
      where: { clusterId: claim.clusterId, articleId: { not: claim.articleId } },
      orderBy: { id: "asc" },
      select: { id: true },
    });
    // A second claim of the same article gets a shorter span.
    const spanned = await db.claim.findFirstOrThrow({
      where: { articleId: claim.articleId, id: { not: claim.id } },
      orderBy: { start: "asc" },
      select: { id: true, version: true, start: true, end: true, text: true },
    });
    const article = await db.article.findUniqueOrThrow({ where: { id: claim.articleId }, select: { originalText: true } });
    const newEnd = spanned.start + Math.floor((spanned.end - spanned.start) / 2);
    const newText = article.originalText.slice(spanned.start, newEnd);
    expect(newText).not.toBe(spanned.text);

    const newcomer = await db.speaker.create({ data: { name: NEW_SPEAKER, slug: "petra-newcomer" } });
    await updateClaim(db, editor, claim.id, { corrections: { speakerId: newcomer.id, kind: "narration" }, version: claim.version });
    await updateClaim(db, editor, spanned.id, { corrections: { end: newEnd }, version: spanned.version });
    await refreshAnalysis(db);

    // The stored claim: current columns corrected, the pipeline's originals beside them.
    const stored = await db.claim.findUniqueOrThrow({
      where: { id: claim.id },
      select: { kind: true, speakerId: true, pipelineKind: true, pipelineSpeaker: { select: { name: true } }, clusterId: true },
    });
    expect(stored).toMatchObject({ kind: "narration", speakerId: newcomer.id, pipelineKind: "reported", pipelineSpeaker: { name: claim.speaker!.name } });
    expect(stored.clusterId).not.toBeNull();

    // The article reader.
    const readerClaims = await getArticleClaims(claim.articleId);
    expect(readerClaims.find((item) => item.id === claim.id)).toMatchObject({ kind: "narration", speaker: NEW_SPEAKER });
    expect(readerClaims.find((item) => item.id === spanned.id)).toMatchObject({ start: spanned.start, end: newEnd, text: newText });

    // GET /api/articles/[id] and GET /api/claims/[id].
    const articleBody = (await (
      await getArticleApi(apiRequest(`/api/articles/${claim.articleId}`, token), { params: Promise.resolve({ id: claim.articleId }) })
    ).json()) as { claims: ApiClaim[] };
    expect(articleBody.claims.find((item) => item.id === claim.id)).toMatchObject({ kind: "narration", speaker: NEW_SPEAKER });
    expect(articleBody.claims.find((item) => item.id === spanned.id)).toMatchObject({ end: newEnd, text: newText });
    const claimBody = (await (await getClaimApi(apiRequest(`/api/claims/${claim.id}`, token), { params: Promise.resolve({ id: claim.id }) })).json()) as {
      kind: string;
      speaker: { name: string };
      pipelineKind: string;
    };
    expect(claimBody).toMatchObject({ kind: "narration", speaker: { name: NEW_SPEAKER }, pipelineKind: "reported" });

    // The review queue and its filters.
    const queue = async (query: Record<string, string>) => (await listClaims(parseClaimFilters({ ...query, articleId: claim.articleId }).data!)).items;
    expect((await queue({ speaker: "petra-newcomer" })).map((item) => [item.id, item.speaker?.name, item.kind, item.isCorrected])).toEqual([
      [claim.id, NEW_SPEAKER, "narration", true],
    ]);
    expect((await queue({ kind: "reported" })).map((item) => item.id)).not.toContain(claim.id);
    expect((await queue({})).find((item) => item.id === spanned.id)?.text).toBe(newText);

    // The claim page, whose related claims leave out claims marked "not a claim".
    const page = await getClaim(claim.id);
    expect(page).toMatchObject({ kind: "narration", speaker: { name: NEW_SPEAKER }, pipelineSpeaker: { name: claim.speaker!.name } });
    expect(page!.siblings.map((item) => item.id)).toContain(sibling.id);
    const spannedPage = await getClaim(spanned.id);
    expect(spannedPage).toMatchObject({
      start: spanned.start,
      end: newEnd,
      text: newText,
      pipeline: { start: spanned.start, end: spanned.end, text: spanned.text },
    });

    // The issue page: its claims narrowed to the new speaker, and the cluster the claim belongs to.
    const filters = parseBriefFilters({ speaker: "petra-newcomer" });
    const brief = await getIssueBrief(issue, filters);
    const listed = await getIssueClaims(brief!.issue.id, filters);
    expect(listed.items.map((item) => [item.id, item.speaker, item.kind])).toEqual([[claim.id, NEW_SPEAKER, "narration"]]);
    const fullBrief = await getIssueBrief(issue, parseBriefFilters({}));
    const member = fullBrief!.clusters.flatMap((cluster) => cluster.members).find((item) => item.id === claim.id);
    expect(member).toMatchObject({ kind: "narration", speaker: NEW_SPEAKER });

    // Share pages: the claim's own page and image, and its cluster as a sibling's page shows it.
    const own = await createShareLink(db, editor, { target: { type: "claim", id: claim.id }, expiresInDays: null });
    const view = await getSharedView(own.token);
    expect(view).toMatchObject({ kind: "claim", claim: { kind: "narration", speaker: NEW_SPEAKER } });
    expect((await getSharePreview(own.token))!.subtitle).toContain(NEW_SPEAKER);
    const other = await createShareLink(db, editor, { target: { type: "claim", id: sibling.id }, expiresInDays: null });
    const otherView = await getSharedView(other.token);
    if (otherView?.kind !== "claim") throw new Error("expected a claim share page");
    expect(otherView.claim.cluster!.members.find((item) => item.id === claim.id)).toMatchObject({ kind: "narration", speaker: NEW_SPEAKER });

    // Exports.
    const exported = [];
    for await (const chunk of claimExportPages(parseClaimFilters({ articleId: claim.articleId }).data!)) exported.push(...chunk);
    expect(exported.find((item) => item.id === claim.id)).toMatchObject({ kind: "narration", speaker: { name: NEW_SPEAKER } });
    expect(exported.find((item) => item.id === spanned.id)?.text).toBe(newText);

    // A claim marked "not a claim" leaves the claim page's related claims.
    const dropped = await db.claim.findUniqueOrThrow({ where: { id: sibling.id }, select: { version: true } });
    await updateClaim(db, editor, sibling.id, { status: "not_a_claim", version: dropped.version });
    expect((await getClaim(claim.id))!.siblings.map((item) => item.id)).not.toContain(sibling.id);

    // Deriving the article again keeps the corrections on the current columns.
    const issues = await db.issue.findMany({ select: { id: true, slug: true } });
    await deriveArticle(db, claim.articleId, {
      issues: await readIssueLexicons(db),
      speakers: await loadSpeakerRegistry(db),
      issueIds: new Map(issues.map((row) => [row.slug, row.id])),
    });
    expect(await db.claim.findUniqueOrThrow({ where: { id: claim.id }, select: { kind: true, speakerId: true, pipelineKind: true } })).toEqual({
      kind: "narration",
      speakerId: newcomer.id,
      pipelineKind: "reported",
    });
    expect(await db.claim.findUniqueOrThrow({ where: { id: spanned.id }, select: { end: true, text: true, pipelineEnd: true } })).toEqual({
      end: newEnd,
      text: newText,
      pipelineEnd: spanned.end,
    });
  });
});
