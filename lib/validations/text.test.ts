import { describe, expect, it } from "vitest";
import { articleInputSchema } from "@/lib/validations/article";
import { newNoteSchema } from "@/lib/validations/notes";
import { hasVisibleText, isWellFormedText } from "@/lib/validations/text";

const BODY = "The council said on Monday that the bridge would reopen in March, after repairs to its deck.";

describe("readable text", () => {
  it("tells broken and invisible text from ordinary text", () => {
    expect(isWellFormedText("Zelensky 🇺🇦")).toBe(true);
    expect(isWellFormedText("broken \ud800 here")).toBe(false);
    expect(isWellFormedText("\udc00")).toBe(false);
    expect(hasVisibleText("\u200b\u200c\u200d\u2060\ufeff \u00ad")).toBe(false);
    expect(hasVisibleText("\u200bа")).toBe(true);
  });

  it("refuses an article body with a lone surrogate or made only of zero-width characters, naming the field", () => {
    const broken = articleInputSchema.safeParse({ body: `${BODY} \ud83d` });
    expect(broken.success).toBe(false);
    expect(broken.error?.issues[0]?.message).toMatch(/^body holds a broken character/);
    const invisible = articleInputSchema.safeParse({ body: "\u200b\u200b\u200d\ufeff" });
    expect(invisible.success).toBe(false);
    expect(invisible.error?.issues.map((issue) => issue.message)).toContain(
      "body holds only invisible characters (zero-width spaces or joiners); write some visible text.",
    );
    expect(articleInputSchema.safeParse({ body: BODY, title: "\u200b" }).error?.issues[0]?.path).toEqual(["title"]);
    expect(articleInputSchema.safeParse({ body: BODY, title: "Bridge reopens" }).success).toBe(true);
  });

  it("refuses such notes", () => {
    const target = { type: "claim", id: "c1" };
    expect(newNoteSchema.safeParse({ target, body: "\u200b\u200b" }).success).toBe(false);
    expect(newNoteSchema.safeParse({ target, body: "ok \udfff" }).success).toBe(false);
    expect(newNoteSchema.safeParse({ target, body: "Checked with the council." }).success).toBe(true);
  });
});
