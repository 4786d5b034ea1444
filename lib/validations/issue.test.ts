import { describe, expect, it } from "vitest";
import { issueInputSchema } from "./issue";

describe("issueInputSchema", () => {
  it("takes lexicon lines, dropping blanks and repeats", () => {
    const parsed = issueInputSchema.parse({ title: " Ports ", phrases: "harbour\n\n  Harbour \nport  closure\n", exclusions: "", status: "open" });
    expect(parsed).toEqual({ title: "Ports", description: "", phrases: ["harbour", "port closure"], exclusions: [], status: "open" });
  });

  it("refuses an empty lexicon, a bad slug and a reserved one, naming what to do", () => {
    const result = issueInputSchema.safeParse({ slug: "Not OK", title: "", phrases: " \n", exclusions: "", status: "closed" });
    expect(result.success).toBe(false);
    const messages = Object.fromEntries((result.error?.issues ?? []).map((issue) => [String(issue.path[0]), issue.message]));
    expect(messages).toMatchObject({
      slug: expect.stringContaining("lower-case letters") as string,
      title: "Give the issue a title.",
      phrases: "Add at least one lexicon phrase, one per line.",
      status: "Choose whether the issue is open or resolved.",
    });
    expect(issueInputSchema.safeParse({ slug: "new", title: "T", phrases: "x", exclusions: "", status: "open" }).error?.issues[0]?.message).toContain(
      "taken by a page",
    );
  });
});
