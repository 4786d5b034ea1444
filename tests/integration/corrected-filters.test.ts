import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getIssue, getIssueClaims } from "@/lib/data/briefs";
import { listClaims } from "@/lib/data/claims";
import type { Db } from "@/lib/db";
import { updateClaim } from "@/lib/writes/review";
import { createUser } from "@/lib/writes/users";
import { parseBriefFilters } from "@/lib/validations/briefs";
import { parseClaimFilters } from "@/lib/validations/claims";
import { seededTestDb } from "./helpers";

vi.mock("server-only", () => ({}));

let db: Db;

beforeAll(async () => {
  db = await seededTestDb();
});
afterAll(async () => db.$disconnect());

describe("lists and briefs go by a claim's corrected speaker and kind", () => {
  it("finds a corrected claim by its new speaker and kind, and no longer by the old ones", async () => {
    const editor = await createUser(db, { email: "cora@briefing.test", name: "Cora Corrector", role: "editor", password: "a long enough password" });
    const claim = await db.claim.findFirstOrThrow({
      where: { kind: "quote", speakerId: { not: null }, issues: { some: {} } },
      orderBy: { id: "asc" },
      select: {
        id: true,
        version: true,
        articleId: true,
        speaker: { select: { slug: true } },
        issues: { take: 1, select: { issue: { select: { slug: true } } } },
      },
    });
    const issue = claim.issues[0]!.issue.slug;
    // A speaker with no claim on the issue yet, so a filter on them shows this claim alone.
    const newcomer = await db.speaker.create({ data: { name: "Petra Newcomer", slug: "petra-newcomer" } });
    await updateClaim(db, editor, claim.id, { corrections: { speakerId: newcomer.id, kind: "narration" }, version: claim.version });

    const ids = async (query: Record<string, string>) => {
      const filters = parseClaimFilters({ ...query, articleId: claim.articleId });
      if (!filters.success) throw filters.error;
      return (await listClaims(filters.data)).items.map((item) => item.id);
    };
    expect(await ids({ speaker: "petra-newcomer" })).toEqual([claim.id]);
    expect(await ids({ speaker: claim.speaker!.slug })).not.toContain(claim.id);
    expect(await ids({ kind: "narration" })).toContain(claim.id);
    expect(await ids({ kind: "quote" })).not.toContain(claim.id);

    // The issue page's list of its claims, narrowed by the same filters.
    const issueId = (await getIssue(issue))!.id;
    const listed = async (query: Record<string, string>) => (await getIssueClaims(issueId, parseBriefFilters(query))).items;
    expect((await listed({ speaker: "petra-newcomer" })).map((item) => [item.id, item.speaker, item.kind])).toEqual([
      [claim.id, "Petra Newcomer", "narration"],
    ]);
    expect((await listed({ speaker: "petra-newcomer", kind: "narration" })).map((item) => item.id)).toEqual([claim.id]);
    expect(await listed({ speaker: "petra-newcomer", kind: "quote" })).toEqual([]);
  });
});
