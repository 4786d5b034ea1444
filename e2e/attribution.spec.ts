import { expect, test } from "./fixtures/test";
import { testDb } from "./fixtures/db";
import { storageStateFor } from "./fixtures/users";

/** A seed quote whose speaker came from a pronoun in the paragraph shown with it. */
async function pronounQuote() {
  const db = testDb();
  try {
    const claims = await db.claim.findMany({
      where: { kind: "quote", attributionReason: { endsWith: ":pronoun" }, speakerId: { not: null } },
      orderBy: { id: "asc" },
      select: {
        id: true,
        start: true,
        speakerMentionStart: true,
        speakerMentionEnd: true,
        speaker: { select: { name: true } },
        article: { select: { originalText: true } },
      },
    });
    const near = claims.find(
      (c) =>
        c.speakerMentionStart !== null &&
        !c.article.originalText.slice(Math.min(c.start, c.speakerMentionStart), Math.max(c.start, c.speakerMentionStart)).includes("\n\n"),
    );
    if (!near || near.speakerMentionStart === null || near.speakerMentionEnd === null || !near.speaker)
      throw new Error("no seed quote is attributed through a pronoun");
    return { id: near.id, mention: near.article.originalText.slice(near.speakerMentionStart, near.speakerMentionEnd), speaker: near.speaker.name };
  } finally {
    await db.$disconnect();
  }
}

test.describe("why this speaker", () => {
  test.use({ storageState: storageStateFor("viewer") });

  test("the claim page marks the pronoun the speaker was resolved from and says why", async ({ page }) => {
    const claim = await pronounQuote();
    await page.goto(`/claims/${claim.id}`);
    const section = page.getByRole("region", { name: "Why this speaker" });
    await expect(section).toBeVisible();
    await expect(section.getByTestId("speaker-mention").first()).toHaveText(claim.mention);
    await expect(section).toContainText(`Credited to ${claim.speaker}`);
    await expect(section).toContainText("is a pronoun, resolved to the likeliest person mentioned before it");
    await expect(section).toContainText(`${claim.mention} → ${claim.speaker}`);
  });

  test("the outlet's own narration says that nobody is credited", async ({ page }) => {
    const db = testDb();
    const narration = await db.claim.findFirst({ where: { kind: "narration" }, select: { id: true, text: true } }).finally(() => db.$disconnect());
    test.skip(!narration, "the seeds have no narration claim");
    await page.goto(`/claims/${narration?.id}`);
    const section = page.getByRole("region", { name: "Why this speaker" });
    await expect(section).toBeVisible();
    await expect(section).toContainText("The outlet's own narration: no speaker is credited.");
    await expect(section.getByTestId("speaker-mention")).toHaveCount(0);
    await expect(section.locator("mark").first()).toContainText((narration?.text ?? "").slice(0, 20));
  });
});
