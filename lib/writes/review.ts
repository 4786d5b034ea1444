import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ReviewStatus } from "@/lib/generated/prisma/enums";
import { currentClaim, PIPELINE_SELECT, pipelineOf, readCorrections, type Corrections } from "@/lib/writes/current-claim";
import type { Tx } from "@/lib/writes/derived-writes";
import type { ClaimUpdateInput, CorrectionsInput } from "@/lib/validations/claims";
import type { AnalysisScope } from "@/lib/analysis/run/refresh";

export type ReviewActor = { id: string; name?: string | null; email?: string };

/** What a reviewer sees of a claim's review: enough to show the current state after a conflict. */
export type ReviewState = {
  id: string;
  status: ReviewStatus;
  assignee: { id: string; name: string | null; email: string } | null;
  corrections: Corrections;
  version: number;
  updatedAt: string;
};

export class ClaimNotFoundError extends AppError {
  constructor(readonly claimId: string) {
    super("not_found", `No claim ${claimId}.`);
  }
}

/** A value the request named does not exist or does not fit (unknown issue, inactive assignee, span outside the text). */
/**
 * The id of the speaker a correction form names: a name in any case (what an editor types), a slug or an
 * id; null when no speaker is called that.
 */
export async function speakerIdNamed(db: Db, value: string): Promise<string | null> {
  // lower() = lower(), not an ILIKE, where a typed "%" would match anyone.
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT id FROM "Speaker" WHERE lower(name) = lower(${value}) OR slug = ${value} OR id = ${value}
    ORDER BY lower(name) = lower(${value}) DESC, slug LIMIT 1`;
  return rows[0]?.id ?? null;
}

export class ReviewValidationError extends AppError {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super("invalid", message, { field });
  }
}

/** The claim changed since the caller read it; carries who changed it last, when, and its current state. */
export class ConflictError extends AppError {
  constructor(
    readonly current: ReviewState,
    readonly changedBy: string,
    readonly changedAt: Date,
  ) {
    super(
      "conflict",
      `This claim was changed by ${changedBy} at ${formatTime(changedAt)}. Its current state is shown; apply your change again if it still holds.`,
      {
        current,
        changedBy,
        changedAt: changedAt.toISOString(),
      },
    );
  }
}

const TIME = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  timeZone: "UTC",
});

/** "23 Nov 2026, 13:20:05 UTC". */
export function formatTime(date: Date): string {
  return `${TIME.format(date)} UTC`;
}

const STATE_SELECT = {
  id: true,
  status: true,
  corrections: true,
  version: true,
  updatedAt: true,
  assignee: { select: { id: true, name: true, email: true } },
} satisfies Prisma.ClaimSelect;

type StateRow = Prisma.ClaimGetPayload<{ select: typeof STATE_SELECT }>;

function toState(row: StateRow): ReviewState {
  return {
    id: row.id,
    status: row.status,
    assignee: row.assignee,
    corrections: readCorrections(row.corrections),
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

async function conflict(tx: Tx, claimId: string): Promise<ConflictError> {
  const [row, last] = await Promise.all([
    tx.claim.findUniqueOrThrow({ where: { id: claimId }, select: STATE_SELECT }),
    tx.reviewEvent.findFirst({
      where: { claimId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: { createdAt: true, actor: { select: { name: true, email: true } } },
    }),
  ]);
  const changedBy = last?.actor ? (last.actor.name ?? last.actor.email) : "someone";
  return new ConflictError(toState(row), changedBy, last?.createdAt ?? row.updatedAt);
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

type Change = { field: string; from: unknown; to: unknown };

/** What a caller does when a review changed what the analysis reads (e.g. start it once the response is sent). */
export type ReviewHooks = { onAnalysisChange?: (scope: AnalysisScope) => unknown };

/**
 * Whether a review change reaches the stored analysis (clusters, discrepancies, framing): it leaves out
 * claims marked "not a claim", and reads corrected speakers, kinds, issues and spans. Assignments,
 * comments and the other statuses do not.
 */
function changesAnalysis(changes: Change[]): boolean {
  return changes.some((change) => (change.field === "status" ? change.from === "not_a_claim" || change.to === "not_a_claim" : change.field !== "assignee"));
}

function mergeCorrections(current: Corrections, patch: CorrectionsInput): Corrections {
  const next: Record<string, unknown> = { ...current };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    if (value === null) delete next[key];
    else next[key] = key === "issues" ? [...new Set(value as string[])].sort() : value;
  }
  return next as Corrections;
}

/**
 * Replaces a claim's issue links with the corrected issues, so filters and briefs see an editor's
 * correction; also called after re-derivation, which rewrites the pipeline's links.
 */
export async function applyIssueCorrection(tx: Tx, claimId: string, slugs: string[]) {
  const issues = await tx.issue.findMany({ where: { slug: { in: slugs } }, select: { id: true } });
  await tx.claimIssue.deleteMany({ where: { claimId } });
  if (issues.length > 0) await tx.claimIssue.createMany({ data: issues.map((issue) => ({ claimId, issueId: issue.id })), skipDuplicates: true });
}

function jsonValue(value: unknown): Prisma.InputJsonValue | undefined {
  return value === undefined || value === null ? undefined : (value as Prisma.InputJsonValue);
}

/**
 * Changes a claim's review in one transaction, with optimistic locking: the write only lands on the
 * version the caller read (`updateMany where {id, version}`), otherwise a ConflictError carries who
 * changed it and its current state; nothing is overwritten silently. Bumps the version, appends one
 * ReviewEvent per changed field (a comment alone is an event too), notifies a newly assigned user,
 * and keeps ClaimIssue rows in step with corrected issues. Corrections are stored in `Claim.corrections`
 * and applied to the claim's current columns (kind, span, text, quote, speaker) in the same write;
 * re-derivation (which keeps the row by fingerprint) applies them again. Calls
 * `onAnalysisChange` after the commit when the change reaches the stored analysis.
 */
export async function updateClaim(
  db: Db,
  actor: ReviewActor,
  claimId: string,
  input: ClaimUpdateInput,
  { onAnalysisChange }: ReviewHooks = {},
): Promise<ReviewState> {
  let analysisChanged = false;
  let articleId = "";
  const state = await db.$transaction(async (tx) => {
    const claim = await tx.claim.findUnique({
      where: { id: claimId },
      select: { ...STATE_SELECT, ...PIPELINE_SELECT, assigneeId: true, articleId: true, article: { select: { originalText: true } } },
    });
    if (!claim) throw new ClaimNotFoundError(claimId);
    articleId = claim.articleId;
    if (claim.version !== input.version) throw await conflict(tx, claimId);

    const changes: Change[] = [];
    if (input.status !== undefined && input.status !== claim.status) changes.push({ field: "status", from: claim.status, to: input.status });

    if (input.assigneeId !== undefined && input.assigneeId !== claim.assigneeId) {
      if (input.assigneeId) {
        const user = await tx.user.findUnique({ where: { id: input.assigneeId }, select: { isActive: true } });
        if (!user?.isActive) throw new ReviewValidationError("assigneeId", "Assign the claim to an active teammate.");
      }
      changes.push({ field: "assignee", from: claim.assigneeId, to: input.assigneeId });
    }

    const current = readCorrections(claim.corrections);
    let nextCorrections = current;
    if (input.corrections) {
      const patch = input.corrections;
      if (patch.speakerId) {
        const speaker = await tx.speaker.findUnique({ where: { id: patch.speakerId }, select: { id: true } });
        if (!speaker) throw new ReviewValidationError("corrections.speakerId", "Choose a speaker from the list.");
      }
      if (patch.issues) {
        const known = await tx.issue.findMany({ where: { slug: { in: patch.issues } }, select: { slug: true } });
        const unknown = patch.issues.filter((slug) => !known.some((issue) => issue.slug === slug));
        if (unknown.length > 0) throw new ReviewValidationError("corrections.issues", `Unknown issue: ${unknown.join(", ")}.`);
      }
      nextCorrections = mergeCorrections(current, patch);
      const length = claim.article.originalText.length;
      const start = nextCorrections.start ?? claim.pipelineStart;
      const end = nextCorrections.end ?? claim.pipelineEnd;
      if (start > length || end > length || start >= end) {
        throw new ReviewValidationError("corrections.start", `The span must lie inside the article (0–${length}) and start before it ends.`);
      }
      for (const field of ["speakerId", "kind", "issues"] as const) {
        if (!same(current[field], nextCorrections[field])) changes.push({ field, from: current[field] ?? null, to: nextCorrections[field] ?? null });
      }
      const span = (value: Corrections) =>
        value.start === undefined && value.end === undefined ? null : { start: value.start ?? null, end: value.end ?? null };
      if (!same(span(current), span(nextCorrections))) changes.push({ field: "span", from: span(current), to: span(nextCorrections) });
    }

    const comment = input.comment?.trim() || null;
    if (changes.length === 0 && !comment) return toState(claim);

    const updated = await tx.claim.updateMany({
      where: { id: claimId, version: input.version },
      data: {
        version: { increment: 1 },
        ...(input.status !== undefined ? { status: input.status } : {}),
        ...(input.assigneeId !== undefined ? { assigneeId: input.assigneeId } : {}),
        ...(input.corrections
          ? {
              corrections: Object.keys(nextCorrections).length > 0 ? (nextCorrections as Prisma.InputJsonValue) : Prisma.DbNull,
              ...currentClaim(pipelineOf(claim), nextCorrections, claim.article.originalText),
            }
          : {}),
      },
    });
    if (updated.count !== 1) throw await conflict(tx, claimId);

    analysisChanged = changesAnalysis(changes);
    const events = changes.length > 0 ? changes : [{ field: "comment", from: null, to: null }];
    await tx.reviewEvent.createMany({
      data: events.map((change) => ({ claimId, actorId: actor.id, field: change.field, from: jsonValue(change.from), to: jsonValue(change.to), comment })),
    });
    if (changes.some((change) => change.field === "issues")) {
      const slugs = nextCorrections.issues;
      if (slugs) await applyIssueCorrection(tx, claimId, slugs);
    }
    const assigned = changes.find((change) => change.field === "assignee")?.to;
    if (typeof assigned === "string" && assigned !== actor.id) {
      await tx.notification.create({ data: { userId: assigned, type: "assigned", claimId } });
    }
    return toState(await tx.claim.findUniqueOrThrow({ where: { id: claimId }, select: STATE_SELECT }));
  });
  if (analysisChanged) await onAnalysisChange?.({ kind: "articles", articleIds: [articleId] });
  return state;
}

/**
 * Sets one status on many claims in one transaction (the review queue's bulk action): each claim whose
 * status changes gets its version bumped and its own audit event. Returns how many changed; calls
 * `onAnalysisChange` after the commit when a claim left or rejoined the analysis ("not a claim").
 */
export async function bulkSetStatus(
  db: Db,
  actor: ReviewActor,
  ids: string[],
  status: ReviewStatus,
  comment?: string,
  { onAnalysisChange }: ReviewHooks = {},
): Promise<number> {
  const changes: Change[] = [];
  const articleIds = new Set<string>();
  await db.$transaction(async (tx) => {
    const claims = await tx.claim.findMany({
      where: { id: { in: ids }, status: { not: status } },
      select: { id: true, status: true, version: true, articleId: true },
    });
    for (const claim of claims) {
      const result = await tx.claim.updateMany({ where: { id: claim.id, version: claim.version }, data: { status, version: { increment: 1 } } });
      if (result.count !== 1) continue;
      changes.push({ field: "status", from: claim.status, to: status });
      articleIds.add(claim.articleId);
      await tx.reviewEvent.create({
        data: { claimId: claim.id, actorId: actor.id, field: "status", from: claim.status, to: status, comment: comment?.trim() || null },
      });
    }
  });
  if (changesAnalysis(changes)) await onAnalysisChange?.({ kind: "articles", articleIds: [...articleIds] });
  return changes.length;
}
