import { expect, test } from "./fixtures/test";
import { storageStateFor } from "./fixtures/users";

// No phrase of the seeds' lexicons is in this text: only the story's issue tagger, trained on the stored
// articles, knows that a bare "guarantee" in this story is a security guarantee.
const TEXT = `Geneva talks resume as Kyiv presses its case
Kyiv wants a guarantee lasting fifty years, Foreign Minister Olena Hart said on Tuesday.
The delegations met for three hours in a lakeside hotel.`;

test.describe("issues beyond the lexicon", () => {
  test.use({ storageState: storageStateFor("editor") });

  test("a pasted article's sentence with only the issue's head noun is tagged with the issue", async ({ page }) => {
    await page.goto("/articles/new");
    await page.getByLabel("Article text").fill(TEXT);
    await page.getByRole("button", { name: "Continue" }).click();
    await page.getByLabel("Outlet").fill("Lakeside Wire");
    await page.getByRole("button", { name: "Save article" }).click();
    const results = page.getByRole("list", { name: "Results" });
    await expect(results).toContainText(/stored with \d+ claims/);
    await results.getByRole("link", { name: "Open the article" }).click();
    const claims = page.getByRole("list", { name: "Claims in this article" });
    const guarantee = claims.getByRole("listitem").filter({ hasText: "a guarantee lasting fifty years" });
    await expect(guarantee.getByText("Security guarantees")).toBeVisible();
    await expect(claims.getByRole("listitem").filter({ hasText: "Security guarantees" })).toHaveCount(1);
  });
});
