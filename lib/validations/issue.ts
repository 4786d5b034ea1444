import { z } from "zod";
import { brokenCharacterMessage, hasVisibleText, isWellFormedText, readableText } from "@/lib/validations/text";

/** Slugs that name pages under /issues rather than issues. */
export const RESERVED_SLUGS: ReadonlySet<string> = new Set(["new"]);

const lines = (max: number, name: string) =>
  z
    .string()
    .max(20_000)
    .refine(isWellFormedText, brokenCharacterMessage(`The ${name}s`))
    .transform((text) => {
      const seen = new Set<string>();
      return text
        .split(/\r?\n/)
        .map((line) => line.trim().replace(/\s+/g, " "))
        .filter((line) => {
          const key = line.toLowerCase();
          if (!hasVisibleText(line) || seen.has(key)) return false;
          seen.add(key);
          return true;
        });
    })
    .pipe(z.array(z.string().max(200, `Each ${name} can have at most 200 characters.`)).max(max, `At most ${max} ${name}s.`));

/**
 * An issue as an admin edits it: title, description, lexicon phrases and exclusions (one per line in the
 * form; blank lines and repeats dropped) and whether it is still open. `slug` is chosen once, when the
 * issue is created (from the title when left blank).
 */
export const issueInputSchema = z.object({
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .max(80)
    .refine(
      (slug) => slug === "" || /^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug),
      "The slug can hold only lower-case letters, digits and single hyphens, like security-guarantees.",
    )
    .refine((slug) => !RESERVED_SLUGS.has(slug), "That slug is taken by a page of the app; choose another.")
    .optional(),
  title: readableText(z.string().trim().min(1, "Give the issue a title.").max(200, "The title can have at most 200 characters."), "The title"),
  description: readableText(z.string().trim().max(2000, "The description can have at most 2,000 characters."), "The description").default(""),
  phrases: lines(200, "phrase").refine((phrases) => phrases.length > 0, "Add at least one lexicon phrase, one per line."),
  exclusions: lines(200, "exclusion"),
  status: z.enum(["open", "resolved"], { error: "Choose whether the issue is open or resolved." }),
});

export type IssueInput = z.input<typeof issueInputSchema>;
export type ValidIssue = z.output<typeof issueInputSchema>;
