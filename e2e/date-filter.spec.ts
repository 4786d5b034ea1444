import { expect, test } from "./fixtures/test";
import { testDb } from "./fixtures/db";
import { uniqueWord } from "./fixtures/unique";
import { storageStateFor } from "./fixtures/users";

test.describe("date filter", () => {
  test.use({ storageState: storageStateFor("editor") });

  test("says how many undated articles a date range leaves out, includes them on request, and the timeline marks undated articles", async ({ page }) => {
    test.setTimeout(120_000);
    const day = "2026-02-10";
    const stamp = uniqueWord();
    const versionBefore = ((await (await page.request.get("/api/analysis")).json()) as { version: string }).version;
    const post = (body: string, publishedAt?: string) =>
      page.request.post("/api/articles", { data: { body, outlet: "Delta Wire", ...(publishedAt ? { publishedAt } : {}) } });
    const dated = await post(
      `The river mediators said the ceasefire would hold through the night (${stamp}).\n\n"The ceasefire holds," said Ilse Varga, who speaks for the mediators.`,
      day,
    );
    const undatedOne = await post(
      `Village leaders said the ceasefire was broken twice before dawn (${stamp}).\n\n"Nobody respects the ceasefire here," said Tomas Brand, a village leader.`,
    );
    expect(dated.status()).toBe(201);
    expect(undatedOne.status()).toBe(201);
    const { id: undatedId } = (await undatedOne.json()) as { id: string };
    const db = testDb();
    await db.article.update({ where: { id: undatedId }, data: { publishedAt: null } });
    await expect
      .poll(async () => (await (await page.request.get("/api/analysis")).json()) as { state: string; version: string }, { timeout: 60_000 })
      .toMatchObject({ state: "idle", version: expect.not.stringMatching(new RegExp(`^${versionBefore}$`)) });
    const undated = await db.article.count({
      where: { publishedAt: null, claims: { some: { status: { not: "not_a_claim" }, issues: { some: { issue: { slug: "ceasefire" } } } } } },
    });
    const undatedOnCeasefire = await db.claim.count({
      where: { articleId: undatedId, status: { not: "not_a_claim" }, issues: { some: { issue: { slug: "ceasefire" } } } },
    });
    await db.$disconnect();
    expect(undated).toBeGreaterThan(0);
    expect(undatedOnCeasefire).toBeGreaterThan(0);

    await page.goto("/issues/ceasefire");
    // The chart draws the dated claims' bars and, hatched, those of undated articles placed by ingest date.
    const chart = page.getByRole("img", { name: /^Claims on Ceasefire by publication day/ });
    await expect(chart).toBeVisible();
    await expect(chart.locator('path[data-bars="dated"]')).toHaveCount(1);
    await expect(chart.locator('path[data-bars="ingested"]')).toHaveCount(1);
    // The new undated article, analysed on its own after the seeds, joins the list of undated articles with its claims.
    const undatedList = page.getByRole("list", { name: "Undated articles" });
    const entry = undatedList.getByRole("listitem").filter({ has: page.locator(`a[href="/articles/${undatedId}"]`) });
    await expect(entry).toContainText(new RegExp(`(^|\\D)${undatedOnCeasefire} claims?$`));
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
