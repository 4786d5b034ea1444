import { z } from "zod";
import { readableText } from "@/lib/validations/text";

export const NOTE_TARGETS = ["claim", "issue", "article"] as const;
export type NoteTargetType = (typeof NOTE_TARGETS)[number];

export const noteBodySchema = readableText(
  z.string({ error: "Write the note." }).trim().min(1, "Write the note before saving it.").max(10_000, "Notes can have at most 10,000 characters."),
  "The note",
);

export const noteTargetSchema = z.object({
  type: z.enum(NOTE_TARGETS, { error: `The target type is one of: ${NOTE_TARGETS.join(", ")}.` }),
  id: z.string().trim().min(1, "Name the target's id (an issue's slug or id)."),
});

export const newNoteSchema = z.object({ target: noteTargetSchema, body: noteBodySchema });
export const noteEditSchema = z.object({ body: noteBodySchema });

/** `@handle` mentions: a handle is the part of a teammate's email before the `@`. */
export const MENTION_PATTERN = /(^|[^\w@.])@([a-z0-9][a-z0-9._+-]*[a-z0-9]|[a-z0-9])/gi;

export function mentionHandles(body: string): string[] {
  const handles = new Set<string>();
  for (const match of body.matchAll(MENTION_PATTERN)) if (match[2]) handles.add(match[2].toLowerCase());
  return [...handles];
}

export function handleOf(email: string): string {
  return email.split("@")[0]!.toLowerCase();
}
