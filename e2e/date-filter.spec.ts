import { expect, test } from "@playwright/test";
import { testDb } from "./fixtures/db";
import { storageStateFor } from "./fixtures/users";

test.describe("date filter", () => {
  test.use({ storageState: storageStateFor("viewer") });

  test("says how many undated articles a date range leaves out, includes them on request, and the timeline marks undated articles", async ({ page }) => {
    const db = testDb();
    const dated = await db.article.findFirst({ where: { publishedAt: { not: null }, claims: { some: { issues: { some: { issue: { slug: "ceasefire" } } } } } }, select: { publishedAt: true } });
    const undated = await db.article.count({ where: { publishedAt: null, claims: { some: { status: { not: "not_a_claim" }, issues: { some: { issue: { slug: "ceasefire" } } } } } } });
    await db.$disconnect();
    test.skip(!dated || undated === 0, "needs a dated and an undated article on the issue");
    const day = dated!.publishedAt!.toISOString().slice(0, 10);

    await page.goto("/issues/ceasefire");
    const timeline = page.getByRole("list", { name: "Claims by publication day" });
    await expect(timeline.getByTestId("ingested-marker").first()).toContainText("from undated articles, placed by ingest date");

    const filters = page.getByRole("form", { name: /^Filter/ });
    await filters.getByLabel("Published from").fill(day);
    await filters.getByLabel("Published to").fill(day);
    await filters.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(new RegExp(`from=${day}`));
    const notice = page.getByTestId("undated-left-out");
    await expect(notice).toContainText(`This date range leaves out ${undated === 1 ? "1 article" : `${undated} articles`} without a publication date.`);
    await expect(timeline.getByTestId("ingested-marker")).toHaveCount(0);

    await filters.getByLabel("Kind of claim").selectOption("quote");
    await filters.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/kind=quote/);
    await notice.getByRole("link", { name: "Include them" }).click();
    await expect(page).toHaveURL(/undated=include/);
    await expect(page).toHaveURL(/kind=quote/);
    await expect(page).toHaveURL(new RegExp(`from=${day}`));
    await expect(page.getByTestId("undated-included")).toBeVisible();
    await expect(filters.getByLabel(/also include articles without a publication date/)).toBeChecked();
  });
});
