"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import type { CurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { queueAnalysis } from "@/lib/analysis/run/job";
import { bulkSetStatus, ReviewValidationError, speakerIdNamed, updateClaim, type ReviewState } from "@/lib/writes/review";
import { bulkStatusSchema, claimUpdateSchema, type ClaimUpdateInput } from "@/lib/validations/claims";

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
    const kind = optional(formData, "kind");
    input.corrections = {
      // The form names the speaker (see reviewClaimAction); the id is filled in once it is found.
      speakerId: null,
      kind: kind || null,
      issues: formData.has("issuesTouched") ? formData.getAll("issues").map(String) : undefined,
      start: spanNumber(optional(formData, "start")),
      end: spanNumber(optional(formData, "end")),
    };
  }
  return input;
}

/** The claim as it is after a change: its review state and version. */
async function apply(user: CurrentUser, claimId: string, input: ClaimUpdateInput): Promise<ReviewState> {
  return updateClaim(db, user, claimId, input, { onAnalysisChange: queueAnalysis });
}

/**
 * The claim page's forms: status with comment, assignment, corrections. Editors only; a stale version is
 * a conflict (code "conflict", the claim's current state in `details.current`), never an overwrite.
 */
export const reviewClaimAction = defineAction(
  {
    role: "editor",
    schema: z.object({
      claimId: z.string().min(1, "Name the claim to change."),
      update: claimUpdateSchema,
      speaker: z.string().max(200, "A speaker's name has at most 200 characters.").optional(),
    }),
    read: (formData) => ({
      claimId: formData.get("claimId"),
      update: readUpdate(formData),
      speaker: formData.get("form") === "corrections" ? (optional(formData, "speaker") ?? "") : undefined,
    }),
  },
  async ({ claimId, update, speaker }, user) => {
    try {
      if (speaker?.trim() && update.corrections) {
        const speakerId = await speakerIdNamed(db, speaker.trim());
        if (!speakerId) {
          throw new ReviewValidationError(
            "corrections.speakerId",
            `No speaker is called “${speaker.trim()}”. Pick one of the names suggested as you type, or leave the field empty to keep the derived speaker.`,
          );
        }
        update.corrections.speakerId = speakerId;
      }
      return { message: "Saved.", data: await apply(user, claimId, update) };
    } finally {
      revalidatePath(`/claims/${claimId}`);
      revalidatePath("/claims");
    }
  },
);

const quickSchema = z.object({
  claimId: z.string().min(1),
  version: z.number().int().min(1),
  status: claimUpdateSchema.shape.status,
  assignToMe: z.boolean().optional(),
});

/*
 * The queue's two actions revalidate no path: the queue reads its rows again itself (LiveQueueProvider), and
 * a revalidation would render the queue's route again in the action's answer. The unfiltered queue is a kept
 * page whose address carries the data's state (lib/server/page-cache.ts): after a teammate's change, that
 * answer would be a new route to the browser, which would start the queue afresh under the reviewer's hands.
 */

/** The review queue's keyboard shortcuts: one status change, or "assign to me", on the claim's version as shown. */
export const quickReviewAction = defineAction({ role: "editor", schema: quickSchema }, async ({ claimId, version, status, assignToMe }, user) => ({
  message: "Saved.",
  data: await apply(user, claimId, { version, status, ...(assignToMe ? { assigneeId: user.id } : {}) }),
}));

/** Sets one status on the selected claims in one transaction, with an audit event per claim. Editors only. */
export const bulkStatusAction = defineAction(
  {
    role: "editor",
    schema: bulkStatusSchema,
    read: (formData) => ({ ids: formData.getAll("ids").map(String), status: formData.get("status"), comment: optional(formData, "comment") || undefined }),
  },
  async ({ ids, status, comment }, user) => {
    const changed = await bulkSetStatus(db, user, ids, status, comment, { onAnalysisChange: queueAnalysis });
    return { message: `${changed} of ${ids.length} claims changed.` };
  },
);
