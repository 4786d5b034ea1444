import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { refreshAnalysis } from "@/lib/analysis/run/refresh";
import { deriveArticle } from "@/lib/writes/derive";
import { loadSpeakerRegistry, readIssueLexicons } from "@/lib/writes/ingest";
import { bulkSetStatus, ConflictError, ReviewValidationError, updateClaim } from "@/lib/writes/review";
import { createUser } from "@/lib/writes/users";
import { seededTestDb } from "./helpers";

let db: Db;
let editor: { id: string; name: string | null };
let other: { id: string; name: string | null };

beforeAll(async () => {
  db = await seededTestDb();
  editor = await createUser(db, { email: "rita@briefing.test", name: "Rita Reviewer", role: "editor", password: "a long enough password" });
  other = await createUser(db, { email: "olu@briefing.test", name: "Olu Other", role: "editor", password: "a long enough password" });
});
afterAll(async () => db.$disconnect());

async function someClaim(skip = 0) {
  return db.claim.findFirstOrThrow({ orderBy: { id: "asc" }, skip, select: { id: true, version: true, articleId: true, status: true } });
}

describe("reviewing a claim", () => {
  it("writes one audit event per changed field, bumps the version and notifies a new assignee", async () => {
    const claim = await someClaim(0);
    const state = await updateClaim(db, editor, claim.id, {
      status: "disputed",
      assigneeId: other.id,
      comment: "Check the transcript",
      version: claim.version,
    });
    expect(state.version).toBe(claim.version + 1);
    expect(state.status).toBe("disputed");
    expect(state.assignee?.id).toBe(other.id);
    const events = await db.reviewEvent.findMany({
      where: { claimId: claim.id },
      orderBy: { field: "asc" },
      select: { field: true, from: true, to: true, comment: true, actorId: true },
    });
    expect(events).toEqual([
      { field: "assignee", from: null, to: other.id, comment: "Check the transcript", actorId: editor.id },
      { field: "status", from: "unreviewed", to: "disputed", comment: "Check the transcript", actorId: editor.id },
    ]);
    const notifications = await db.notification.findMany({ where: { userId: other.id, claimId: claim.id }, select: { type: true } });
    expect(notifications).toEqual([{ type: "assigned" }]);
  });

  it("refuses a stale version with who changed it, when, and the current state, and writes nothing", async () => {
    const claim = await someClaim(1);
    await updateClaim(db, other, claim.id, { status: "confirmed", version: claim.version });
    const attempt = updateClaim(db, editor, claim.id, { status: "false", version: claim.version });
    await expect(attempt).rejects.toBeInstanceOf(ConflictError);
    const error = (await attempt.catch((caught: unknown) => caught)) as ConflictError;
    expect(error.message).toMatch(/changed by Olu Other at \d+ \w+ \d{4}, \d\d:\d\d:\d\d UTC/);
    expect(error.current.status).toBe("confirmed");
    expect(error.current.version).toBe(claim.version + 1);
    const after = await db.claim.findUniqueOrThrow({ where: { id: claim.id }, select: { status: true } });
    expect(after.status).toBe("confirmed");
    expect(await db.reviewEvent.count({ where: { claimId: claim.id } })).toBe(1);
  });

  it("lets only one of two concurrent writers on the same version win", async () => {
    const claim = await someClaim(2);
    const results = await Promise.allSettled([
      updateClaim(db, editor, claim.id, { status: "confirmed", version: claim.version }),
      updateClaim(db, other, claim.id, { status: "false", version: claim.version }),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(results.filter((result) => result.status === "rejected" && result.reason instanceof ConflictError)).toHaveLength(1);
    expect(await db.reviewEvent.count({ where: { claimId: claim.id } })).toBe(1);
  });

  it("keeps corrections as an overlay, logs each corrected field, updates issue links, and keeps them on re-derivation", async () => {
    const claim = await someClaim(3);
    const speaker = await db.speaker.findFirstOrThrow({ select: { id: true } });
    const state = await updateClaim(db, editor, claim.id, {
      corrections: { speakerId: speaker.id, kind: "narration", issues: ["ceasefire", "referendum"], start: 0, end: 5 },
      comment: "Wrong attribution",
      version: claim.version,
    });
    expect(state.corrections).toEqual({ speakerId: speaker.id, kind: "narration", issues: ["ceasefire", "referendum"], start: 0, end: 5 });
    const fields = (await db.reviewEvent.findMany({ where: { claimId: claim.id }, select: { field: true } })).map((event) => event.field).sort();
    expect(fields).toEqual(["issues", "kind", "span", "speakerId"]);
    const linked = async () =>
      (await db.claimIssue.findMany({ where: { claimId: claim.id }, select: { issue: { select: { slug: true } } } })).map((link) => link.issue.slug).sort();
    expect(await linked()).toEqual(["ceasefire", "referendum"]);

    const issues = await db.issue.findMany({ select: { id: true, slug: true } });
    await deriveArticle(db, claim.articleId, {
      issues: await readIssueLexicons(db),
      speakers: await loadSpeakerRegistry(db),
      issueIds: new Map(issues.map((issue) => [issue.slug, issue.id])),
    });
    const kept = await db.claim.findUniqueOrThrow({ where: { id: claim.id }, select: { corrections: true, version: true } });
    expect(kept.corrections).toEqual(state.corrections);
    expect(kept.version).toBe(state.version);
    expect(await linked()).toEqual(["ceasefire", "referendum"]);

    const cleared = await updateClaim(db, editor, claim.id, { corrections: { kind: null }, version: state.version });
    expect(cleared.corrections.kind).toBeUndefined();
    const kindEvents = await db.reviewEvent.findMany({
      where: { claimId: claim.id, field: "kind" },
      orderBy: { createdAt: "asc" },
      select: { from: true, to: true },
    });
    expect(kindEvents.at(-1)).toEqual({ from: "narration", to: null });
  });

  it("refuses unknown issues and spans outside the article", async () => {
    const claim = await someClaim(4);
    await expect(updateClaim(db, editor, claim.id, { corrections: { issues: ["no-such-issue"] }, version: claim.version })).rejects.toBeInstanceOf(
      ReviewValidationError,
    );
    await expect(updateClaim(db, editor, claim.id, { corrections: { start: 0, end: 10_000_000 }, version: claim.version })).rejects.toBeInstanceOf(
      ReviewValidationError,
    );
    expect(await db.reviewEvent.count({ where: { claimId: claim.id } })).toBe(0);
  });

  it("records a comment alone as an event, and a no-op as nothing", async () => {
    const claim = await someClaim(5);
    const same = await updateClaim(db, editor, claim.id, { status: claim.status, version: claim.version });
    expect(same.version).toBe(claim.version);
    const commented = await updateClaim(db, editor, claim.id, { comment: "Looked at it", version: claim.version });
    expect(commented.version).toBe(claim.version + 1);
    expect(await db.reviewEvent.findMany({ where: { claimId: claim.id }, select: { field: true, comment: true } })).toEqual([
      { field: "comment", comment: "Looked at it" },
    ]);
  });

  it("changes many statuses in one go with an audit event per claim", async () => {
    const claims = await db.claim.findMany({ orderBy: { id: "desc" }, take: 3, select: { id: true, version: true } });
    const changed = await bulkSetStatus(
      db,
      editor,
      claims.map((claim) => claim.id),
      "not_a_claim",
    );
    expect(changed).toBe(3);
    for (const claim of claims) {
      const after = await db.claim.findUniqueOrThrow({ where: { id: claim.id }, select: { status: true, version: true } });
      expect(after).toEqual({ status: "not_a_claim", version: claim.version + 1 });
      expect(await db.reviewEvent.findMany({ where: { claimId: claim.id }, select: { field: true, to: true, actorId: true } })).toEqual([
        { field: "status", to: "not_a_claim", actorId: editor.id },
      ]);
    }
  });

  it("says when a change reaches the stored analysis, and the claim leaves its cluster once the analysis runs", async () => {
    const member = await db.claim.findFirstOrThrow({
      where: { status: { not: "not_a_claim" }, cluster: { claimCount: { gt: 1 } } },
      orderBy: { id: "asc" },
      select: { id: true, version: true, clusterId: true, cluster: { select: { claimCount: true } } },
    });
    let calls = 0;
    const hooks = { onAnalysisChange: () => (calls += 1) };
    let version = (await updateClaim(db, editor, member.id, { status: "confirmed", assigneeId: other.id, comment: "Checked", version: member.version }, hooks))
      .version;
    expect(calls).toBe(0);
    version = (await updateClaim(db, editor, member.id, { corrections: { kind: "reported" }, version }, hooks)).version;
    expect(calls).toBe(1);
    await updateClaim(db, editor, member.id, { status: "not_a_claim", version }, hooks);
    expect(calls).toBe(2);
    expect(await bulkSetStatus(db, editor, [member.id], "disputed", undefined, hooks)).toBe(1);
    expect(calls).toBe(3);
    expect(await bulkSetStatus(db, editor, [member.id], "confirmed", undefined, hooks)).toBe(1);
    expect(calls).toBe(3);

    await bulkSetStatus(db, editor, [member.id], "not_a_claim");
    await refreshAnalysis(db);
    const after = await db.claim.findUniqueOrThrow({ where: { id: member.id }, select: { clusterId: true } });
    expect(after.clusterId).toBeNull();
    const cluster = await db.claimCluster.findUnique({ where: { id: member.clusterId! }, select: { claimCount: true } });
    expect(cluster === null || cluster.claimCount < member.cluster!.claimCount).toBe(true);
  });
});
