import { expect, test } from "./fixtures/test";
import { testDb } from "./fixtures/db";
import { storageStateFor } from "./fixtures/users";

test.describe("reading and reviewing", () => {
  test.use({ storageState: storageStateFor("editor") });

  test("a highlighted claim in the article reader opens its review page", async ({ page }) => {
    const db = testDb();
    const claim = await db.claim.findFirstOrThrow({ where: { kind: "quote" }, orderBy: { id: "asc" }, select: { id: true, articleId: true } });
    await db.$disconnect();
    await page.goto(`/articles/${claim.articleId}`);
    const link = page.locator(`#claim-${claim.id}`).getByRole("link");
    await expect(link).toHaveAttribute("href", `/claims/${claim.id}`);
    await link.click();
    await expect(page).toHaveURL(new RegExp(`/claims/${claim.id}$`));
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  });

  test("the queue searches claim text on the server", async ({ page }) => {
    await page.goto("/claims");
    const filters = page.getByRole("search", { name: "Filter claims" });
    await filters.getByLabel("Search claim text").fill("CEASEFIRE");
    await page.getByRole("button", { name: "Apply", exact: true }).click();
    await expect(page).toHaveURL(/q=CEASEFIRE/);
    const rows = page.getByRole("table", { name: "Claims to review" }).locator("tbody tr");
    await expect(rows.first()).toBeVisible();
    for (const text of await rows.locator("td:nth-child(2) a").allInnerTexts()) expect(text.toLowerCase()).toContain("ceasefire");
    await expect(page.getByRole("heading", { name: "Review queue" })).toBeVisible();

    // The beginning of a word finds it too.
    await filters.getByLabel("Search claim text").fill("ceasef");
    await page.getByRole("button", { name: "Apply", exact: true }).click();
    await expect(page).toHaveURL(/q=ceasef/);
    await expect(rows.first()).toBeVisible();
    for (const text of await rows.locator("td:nth-child(2) a").allInnerTexts()) expect(text.toLowerCase()).toContain("ceasefire");

    await filters.getByLabel("Search claim text").fill("zzqx no claim says this");
    await page.getByRole("button", { name: "Apply", exact: true }).click();
    await expect(page.getByText("No claims match these filters.")).toBeVisible();
  });

  test("after a keyboard review the next row has the focus, also when the reviewed claim leaves the queue", async ({ page }) => {
    await page.goto("/claims?status=unreviewed&kind=narration&sort=-confidence");
    const rows = page.getByRole("table", { name: "Claims to review" }).locator("tbody tr");
    await expect(rows.first()).toHaveAttribute("aria-current", "true");
    const [first, second] = [await rows.nth(0).getAttribute("data-claim-id"), await rows.nth(1).getAttribute("data-claim-id")];
    await page.keyboard.press("c");
    await expect(page.locator(`tr[data-claim-id="${first}"]`)).toHaveCount(0);
    const next = page.locator(`tr[data-claim-id="${second}"]`);
    await expect(next).toHaveAttribute("aria-current", "true");
    await expect(next).toBeFocused();
  });
});
