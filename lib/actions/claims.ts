"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authorizeAction, type CurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { analyzeAfterResponse } from "@/lib/server/analysis-job";
import { bulkSetStatus, ClaimNotFoundError, ConflictError, ReviewValidationError, updateClaim, type ReviewState } from "@/lib/services/review";
import { bulkStatusSchema, claimUpdateSchema, type ClaimUpdateInput } from "@/lib/validations/claims";

export type ReviewFormState = {
  status?: "ok" | "error" | "conflict";
  message?: string;
  /** After a conflict: the claim as it is now. */
  current?: ReviewState;
  version?: number;
};

function optional(formData: FormData, name: string): string | undefined {
  const value = formData.get(name);
  return typeof value === "string" ? value : undefined;
}

function spanNumber(value: string | undefined): number | null | undefined {
  if (value === undefined) return undefined;
  if (value.trim() === "") return null;
  return Number(value);
}

/** Reads the claim page's forms (status, assignment, corrections) into one update. */
function readUpdate(formData: FormData): Record<string, unknown> {
  const input: Record<string, unknown> = { version: Number(formData.get("version")) };
  const status = optional(formData, "status");
  if (status) input.status = status;
  const comment = optional(formData, "comment");
  if (comment?.trim()) input.comment = comment;
  const assigneeId = optional(formData, "assigneeId");
  if (assigneeId !== undefined) input.assigneeId = assigneeId || null;
  if (formData.get("form") === "corrections") {
    const speakerId = optional(formData, "speakerId");
    const kind = optional(formData, "kind");
    input.corrections = {
      speakerId: speakerId || null,
      kind: kind || null,
      issues: formData.has("issuesTouched") ? formData.getAll("issues").map(String) : undefined,
      start: spanNumber(optional(formData, "start")),
      end: spanNumber(optional(formData, "end")),
    };
  }
  return input;
}

async function apply(user: CurrentUser, claimId: string, input: ClaimUpdateInput): Promise<ReviewFormState> {
  try {
    const state = await updateClaim(db, user, claimId, input, { onAnalysisChange: analyzeAfterResponse });
    return { status: "ok", message: "Saved.", version: state.version, current: state };
  } catch (error) {
    if (error instanceof ConflictError) return { status: "conflict", message: error.message, current: error.current, version: error.current.version };
    if (error instanceof ReviewValidationError || error instanceof ClaimNotFoundError) return { status: "error", message: error.message };
    throw error;
  }
}

/** The claim page's forms: status with comment, assignment, corrections. Editors only; a stale version is a conflict, never an overwrite. */
export async function reviewClaimAction(_previous: ReviewFormState, formData: FormData): Promise<ReviewFormState> {
  const caller = await authorizeAction("editor");
  if (!caller.user) return { status: "error", message: caller.denied };
  const user = caller.user;
  const claimId = z.string().min(1).safeParse(formData.get("claimId"));
  const parsed = claimUpdateSchema.safeParse(readUpdate(formData));
  if (!claimId.success || !parsed.success) {
    const issue = parsed.error?.issues[0];
    return { status: "error", message: issue ? `${issue.path.join(".")}: ${issue.message}` : "Name the claim to change." };
  }
  const result = await apply(user, claimId.data, parsed.data);
  revalidatePath(`/claims/${claimId.data}`);
  revalidatePath("/claims");
  return result;
}

const quickSchema = z.object({
  claimId: z.string().min(1),
  version: z.number().int().min(1),
  status: claimUpdateSchema.shape.status,
  assignToMe: z.boolean().optional(),
});

/** The review queue's keyboard shortcuts: one status change, or "assign to me", on the claim's version as shown. */
export async function quickReviewAction(input: { claimId: string; version: number; status?: string; assignToMe?: boolean }): Promise<ReviewFormState> {
  const caller = await authorizeAction("editor");
  if (!caller.user) return { status: "error", message: caller.denied };
  const user = caller.user;
  const parsed = quickSchema.safeParse(input);
  if (!parsed.success) return { status: "error", message: parsed.error.issues[0]?.message ?? "Invalid change." };
  const { claimId, version, status, assignToMe } = parsed.data;
  const result = await apply(user, claimId, { version, status, ...(assignToMe ? { assigneeId: user.id } : {}) });
  revalidatePath("/claims");
  revalidatePath(`/claims/${claimId}`);
  return result;
}

export type BulkState = { status?: "ok" | "error"; message?: string };

/** Sets one status on the selected claims in one transaction, with an audit event per claim. Editors only. */
export async function bulkStatusAction(_previous: BulkState, formData: FormData): Promise<BulkState> {
  const caller = await authorizeAction("editor");
  if (!caller.user) return { status: "error", message: caller.denied };
  const user = caller.user;
  const parsed = bulkStatusSchema.safeParse({ ids: formData.getAll("ids").map(String), status: formData.get("status"), comment: optional(formData, "comment") || undefined });
  if (!parsed.success) return { status: "error", message: parsed.error.issues[0]?.message ?? "Choose claims and a status." };
  const changed = await bulkSetStatus(db, user, parsed.data.ids, parsed.data.status, parsed.data.comment, { onAnalysisChange: analyzeAfterResponse });
  revalidatePath("/claims");
  return { status: "ok", message: `${changed} of ${parsed.data.ids.length} claims changed.` };
}
