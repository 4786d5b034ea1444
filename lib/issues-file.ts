import fs from "node:fs";
import { z } from "zod";

export const issueFileSchema = z.object({
  issues: z
    .array(
      z.object({
        slug: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "slug must be lower-case words joined by hyphens"),
        title: z.string().min(1),
        description: z.string().default(""),
        phrases: z.array(z.string().min(1)).min(1, "an issue needs at least one lexicon phrase"),
        exclusions: z.array(z.string().min(1)).default([]),
      }),
    )
    .min(1),
});

export type IssueDefinition = z.output<typeof issueFileSchema>["issues"][number];

/** Reads and validates an issues file (`seeds/issues.json`), naming the file and the problem when it is wrong. */
export function loadIssueLexiconFile(file: string): IssueDefinition[] {
  const result = issueFileSchema.safeParse(JSON.parse(fs.readFileSync(file, "utf8")));
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(`${file}: ${issue?.path.join(".")}: ${issue?.message}`);
  }
  return result.data.issues;
}
