import { expect, test } from "./fixtures/test";
import { longArticle } from "@/tests/fixtures/long-article";
import { storageStateFor } from "./fixtures/users";

test.describe("limits per article", () => {
  test.use({ storageState: storageStateFor("editor") });

  test("a long article is stored with the claim cap and the form says how many claims were left out; one over the sentence limit is refused naming it", async ({
    page,
  }) => {
    await page.goto("/articles/new");
    await page.getByText("Upload files", { exact: true }).click();
    await page.getByLabel(/Files/).setInputFiles([
      { name: "long-report.txt", mimeType: "text/plain", buffer: Buffer.from(longArticle(4_000, 21)) },
      { name: "whole-archive.txt", mimeType: "text/plain", buffer: Buffer.from(longArticle(5_300, 22)) },
    ]);
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByRole("heading", { name: "Check the details, then save" })).toBeVisible();
    await page.getByRole("button", { name: /Save/ }).click();
    const results = page.getByRole("list", { name: "Results" });
    await expect(results).toContainText(
      /long-report\.txt: stored with \d+ claims\. \d+ more claims were over the cap of 2,000 per article and were not kept\./,
      { timeout: 60_000 },
    );
    await expect(results).toContainText(/whole-archive\.txt: body has 5,\d{3} sentences/);
    await expect(results).toContainText("over the size limit of 5,000 sentences per article: split the text into several articles.");
    await results.getByRole("link", { name: "Open the article" }).click();
    await expect(page).toHaveURL(/\/articles\/[^/]+$/);
  });
});
