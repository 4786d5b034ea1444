import { expect, test, type APIRequestContext } from "./fixtures/test";
import { storageStateFor } from "./fixtures/users";

/** Stores an article of our own through the API (so seeds other tests count stay as they are); returns its id. */
async function storeArticle(request: APIRequestContext, tag: string, outlet?: string): Promise<string> {
  const body = [
    `The river port authority said on Monday that ferry fares would rise by four percent from March (${tag}).`,
    `"We have no other choice," the port director told reporters, adding that fuel costs had doubled.`,
    "Passenger groups said the rise would hit commuters hardest.",
  ].join("\n\n");
  const response = await request.post("/api/articles", { data: { body, ...(outlet ? { outlet } : {}) } });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

test.describe("article details", () => {
  test.use({ storageState: storageStateFor("editor") });

  test("an editor gives an unattributed article its outlet and title on the article page", async ({ page }) => {
    const tag = `details-${Date.now()}`;
    const id = await storeArticle(page.request, tag);
    await page.goto(`/articles/${id}`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("The river port authority said");
    await expect(page.getByText("Unattributed")).toBeVisible();

    await page.getByText("Edit details").click();
    const form = page.getByRole("form", { name: "Article details" });
    await form.getByLabel("Outlet").fill(`Riverside Courier ${tag}`);
    await form.getByLabel("Title").fill("Ferry fares to rise in March");
    await form.getByLabel("Published").fill("2026-02-02");
    await form.getByRole("button", { name: "Save details" }).click();
    await expect(form.getByRole("status")).toHaveText(/Saved\./);

    await page.reload();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ferry fares to rise in March");
    await expect(page.getByText(`Riverside Courier ${tag} · 2 Feb 2026`)).toBeVisible();
    await page.getByText("Details changed 3 times").click();
    await expect(page.getByText(/Eddie Editor: outlet “none” → “Riverside Courier/)).toBeVisible();

    await page.goto(`/articles?q=${encodeURIComponent("Ferry fares")}`);
    const row = page.getByRole("table", { name: "Articles" }).getByRole("row").filter({ hasText: "Ferry fares to rise in March" });
    await expect(row).toContainText(`Riverside Courier ${tag}`);

    // A bad address is refused with the field named, and nothing changes.
    await page.goto(`/articles/${id}`);
    await page.getByText("Edit details").click();
    await form.getByLabel("Web address").fill("ftp://files.example/story");
    await form.getByLabel("Web address").evaluate((input: HTMLInputElement) => (input.type = "text"));
    await form.getByRole("button", { name: "Save details" }).click();
    await expect(form.getByRole("status")).toHaveText(/url must be an http\(s\) address/);
    await expect(form.getByLabel("Web address")).toHaveValue("ftp://files.example/story");

    for (const width of [1440, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: `test-results/screens/article-details-${width}.png`, fullPage: false });
    }
  });

  test("a viewer sees no form to edit details", async ({ browser }) => {
    const context = await browser.newContext({ storageState: storageStateFor("viewer") });
    const page = await context.newPage();
    await page.goto("/articles");
    await page.getByRole("table", { name: "Articles" }).getByRole("link").first().click();
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.getByText("Edit details")).toHaveCount(0);
    await context.close();
  });
});

test.describe("outlets", () => {
  test.use({ storageState: storageStateFor("admin") });

  test("an admin renames an outlet, sets its site address, and merges it into another", async ({ page }) => {
    const tag = Date.now().toString(36);
    const source = `Valley Post ${tag}`;
    const target = `Valley Herald ${tag}`;
    const moved = await storeArticle(page.request, `merge-a-${tag}`, source);
    await storeArticle(page.request, `merge-b-${tag}`, target);

    await page.goto("/admin/outlets");
    await expect(page.getByRole("heading", { name: "Outlets", exact: true })).toBeVisible();
    const sourceRow = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: source }) });
    const renamed = `Valley Evening Post ${tag}`;
    await sourceRow.getByLabel(`Name of ${source}`).fill(renamed);
    await sourceRow.getByRole("button", { name: "Rename" }).click();
    await expect(page.getByText(`Renamed to ${renamed}.`)).toBeVisible();
    const renamedRow = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: renamed }) });
    await expect(renamedRow).toBeVisible();

    await renamedRow.getByLabel(`Site address of ${renamed}`).fill("https://www.valley-post.example/news");
    await renamedRow.getByRole("button", { name: "Save address" }).click();
    await expect(renamedRow.getByText("Site address set to valley-post.example.")).toBeVisible();

    await renamedRow.getByLabel(`Name of ${renamed}`).fill(target.toUpperCase());
    await renamedRow.getByRole("button", { name: "Rename" }).click();
    await expect(renamedRow.getByText(`Another outlet is already named ${target}: merge the two instead.`)).toBeVisible();

    for (const width of [1440, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: `test-results/screens/outlets-${width}.png`, fullPage: true });
    }
    await page.setViewportSize({ width: 1440, height: 900 });

    const merge = page.getByRole("form", { name: "Merge two outlets" });
    await merge.getByLabel("Merge").selectOption({ label: `${renamed} (1)` });
    await merge.getByLabel("into").selectOption({ label: `${target} (1)` });
    await merge.getByRole("button", { name: "Merge outlets" }).click();
    await expect(merge.getByText("Merged: 1 article moved.")).toBeVisible();
    await expect(page.getByRole("rowheader", { name: renamed })).toHaveCount(0);
    const targetRow = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: target }) });
    await expect(targetRow.getByRole("cell").first()).toHaveText("2");
    await expect(targetRow.getByRole("rowheader")).toContainText("valley-post.example");

    await page.goto(`/articles/${moved}`);
    await expect(page.getByText(target, { exact: false }).first()).toBeVisible();
    await page.getByText("Details changed once").click();
    await expect(page.getByText(`Ada Admin: outlet “${renamed}” → “${target}”`)).toBeVisible();
  });

  test("editors cannot open the outlets page", async ({ browser }) => {
    const context = await browser.newContext({ storageState: storageStateFor("editor") });
    const page = await context.newPage();
    await page.goto("/admin/outlets");
    await expect(page).not.toHaveURL(/\/admin\/outlets/);
    await context.close();
  });
});
