import { z } from "zod";

// In the browser the app's Content-Security-Policy refuses eval: zod would probe for it (a reported
// violation) before falling back to parsing without compiled code, so it is told up front.
if (typeof window !== "undefined") z.config({ jitless: true });

/**
 * Characters that show nothing: zero-width spaces and joiners, direction marks and isolates, the word
 * joiner and invisible operators, the byte-order mark, soft hyphens, Hangul fillers, and white space.
 */
const INVISIBLE = /[\s\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0]/gu;

/** Whether `text` is well-formed UTF-16: no lone surrogate, which no database or encoding can keep. */
export function isWellFormedText(text: string): boolean {
  return text.isWellFormed();
}

/** Whether `text` holds anything a reader would see. */
export function hasVisibleText(text: string): boolean {
  return text.replace(INVISIBLE, "").length > 0;
}

/** The message for a lone surrogate in `field`. */
export function brokenCharacterMessage(field: string): string {
  return `${field} holds a broken character (a lone UTF-16 surrogate); type or paste that part again.`;
}

/**
 * Refuses text that cannot be stored faithfully or shows nothing: a lone surrogate (a broken character)
 * anywhere, or text made only of invisible characters (blank text is left to the schema's own checks).
 * `field` names the field in the messages, which say what to do.
 */
export function readableText<T extends z.ZodType<string | undefined | null>>(schema: T, field: string): T {
  return schema
    .refine((text) => typeof text !== "string" || isWellFormedText(text), brokenCharacterMessage(field))
    .refine(
      (text) => typeof text !== "string" || text.trim() === "" || hasVisibleText(text),
      `${field} holds only invisible characters (zero-width spaces or joiners); write some visible text.`,
    ) as unknown as T;
}
