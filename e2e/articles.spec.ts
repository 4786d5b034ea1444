import { expect, test } from "./fixtures/test";
import { storageStateFor } from "./fixtures/users";

test.use({ storageState: storageStateFor("viewer") });

test("the five seed articles are listed with outlet, date and length", async ({ page }) => {
  await page.goto("/articles");
  await expect(page.getByRole("heading", { name: "Articles" })).toBeVisible();
  const rows = page.getByRole("table", { name: "Articles" }).getByRole("row");
  await expect(rows).toHaveCount(6);
  const msNow = rows.filter({ hasText: "MS NOW" });
  await expect(msNow).toHaveCount(1);
  await expect(msNow).toContainText("By Julia Jester, Erum Salam");
  await expect(msNow).toContainText(/\d+ words/);
  const dated = rows.filter({ hasText: "3 Jan 2026" });
  await expect(dated).toHaveCount(1);
  await expect(dated).toContainText("Unattributed");
  await expect(rows.filter({ hasText: "Unattributed" })).toHaveCount(4);
  await page.screenshot({ path: "test-results/screens/articles.png", fullPage: true });
});

test("full-text search narrows the list", async ({ page }) => {
  await page.goto("/articles");
  await page.getByRole("searchbox", { name: "Search articles" }).fill("Wagner scandal");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/q=Wagner/);
  await expect(page.getByRole("table", { name: "Articles" }).getByRole("row")).toHaveCount(2);
});

test("the articles API answers a logged-in user and refuses an anonymous one with JSON", async ({ page, playwright }) => {
  const response = await page.request.get("/api/articles");
  expect(response.status()).toBe(200);
  const body = (await response.json()) as { items: { outlet: { name: string } | null }[]; total: number };
  expect(body.total).toBe(5);
  expect(body.items.filter((item) => item.outlet?.name === "MS NOW")).toHaveLength(1);

  const first = (body.items as unknown as { id: string }[])[0]!;
  const one = await page.request.get(`/api/articles/${first.id}`);
  expect(one.status()).toBe(200);
  const article = (await one.json()) as { text: string; claims: { text: string; start: number; end: number }[] };
  expect(article.claims.length).toBeGreaterThan(0);
  for (const claim of article.claims) expect(article.text.slice(claim.start, claim.end)).toBe(claim.text);
  const missing = await page.request.get("/api/articles/no-such-article");
  expect(missing.status()).toBe(404);
  expect(await missing.json()).toMatchObject({ error: { code: "not_found" } });

  const anonymous = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL, storageState: { cookies: [], origins: [] } });
  const refused = await anonymous.get("/api/articles", { maxRedirects: 0 });
  expect(refused.status()).toBe(401);
  expect(await refused.json()).toMatchObject({ error: { code: "unauthorized" } });
  await anonymous.dispose();
});
