import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "./fixtures/test";
import { storageStateFor } from "./fixtures/users";

test.use({ storageState: storageStateFor("editor") });

test("an editor pastes a newer text: the reader says updated, shows what changed, and a note on a gone claim stays", async ({ page }) => {
  const tag = Date.now().toString(36);
  const first = `The city council voted on Tuesday to close the old bridge to lorries from April (${tag}).`;
  const second = `"The bridge cannot carry that weight any longer," the council's chief engineer said.`;
  const third = "Hauliers said the detour would add forty minutes to each journey.";
  const stored = await page.request.post("/api/articles", { data: { body: [first, second, third].join("\n"), title: `Bridge closure ${tag}` } });
  expect(stored.status()).toBe(201);
  const { id } = (await stored.json()) as { id: string };
  const article = (await (await page.request.get(`/api/articles/${id}`)).json()) as { text: string; claims: { id: string; start: number }[] };
  const lastLine = article.text.indexOf(third);
  const gone = article.claims.find((claim) => claim.start >= lastLine);
  expect(gone).toBeDefined();
  const note = await page.request.post("/api/notes", { data: { target: { type: "claim", id: gone!.id }, body: `Ask the hauliers' association (${tag}).` } });
  expect(note.status()).toBe(201);

  const added = "The council said lorries may still cross at night under a permit scheme.";
  await page.goto(`/articles/${id}`);
  await page.getByText("New version of the text").click();
  const form = page.getByRole("form", { name: "New version" });
  await form.getByLabel("Newer text").fill([first, second, added].join("\n"));
  await form.getByRole("button", { name: "Save new version" }).click();
  await expect(form.getByRole("status")).toHaveText(/Saved as version 2/);

  await page.reload();
  await expect(page.getByText("Updated", { exact: true })).toBeVisible();
  await expect(page.getByText(/Version 2, .* \(by Eddie Editor\)\./)).toBeVisible();
  await page.getByText("What changed since version 1").click();
  const changes = page.getByRole("list", { name: "Changes since version 1" });
  await expect(changes.getByRole("listitem")).toHaveCount(2);
  await expect(changes.getByRole("insertion")).toHaveText(added);
  await expect(changes.getByRole("deletion")).toHaveText(third);

  const notes = page.getByRole("region", { name: /Notes/ });
  const moved = notes.getByRole("listitem").filter({ hasText: `Ask the hauliers' association (${tag}).` });
  await expect(moved).toContainText("On an earlier version (version 1)");
  await expect(moved).toContainText("forty minutes");

  const versions = (await (await page.request.get(`/api/articles/${id}/versions`)).json()) as { items: { number: number; current: boolean }[]; total: number };
  expect(versions.items.map((item) => [item.number, item.current])).toEqual([
    [2, true],
    [1, false],
  ]);

  for (const width of [1440, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `test-results/screens/article-version-${width}.png`, fullPage: false });
  }
});

test("an editor checks an article's web page for a newer version: the same text stores nothing, a changed one becomes version 2", async ({ page, browser }) => {
  const tag = Date.now().toString(36);
  const lines = [
    `The water company said on Monday that the reservoir at Highmoor would be drained for repairs this summer (${tag}).`,
    '"The dam wall needs new seals before the winter storms," the chief engineer of the company said.',
    "Anglers said the closure would cost the local club most of its season.",
  ];
  let paragraphs = lines;
  let answer = 200;
  const site = http.createServer((_request, response) => {
    if (answer !== 200) response.writeHead(answer, "Service Unavailable").end();
    else
      response
        .writeHead(200, { "content-type": "text/html; charset=utf-8" })
        .end(
          `<html><head><title>Reservoir to be drained ${tag}</title></head><body><article>${paragraphs.map((text) => `<p>${text}</p>`).join("")}</article></body></html>`,
        );
  });
  await new Promise<void>((resolve) => site.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(site.address() as AddressInfo).port}/highmoor`;
  try {
    const stored = await page.request.post("/api/articles", { data: { url, outlet: "Moorland Times" } });
    expect(stored.status(), await stored.text()).toBe(201);
    const { id } = (await stored.json()) as { id: string };

    await page.goto(`/articles/${id}`);
    const check = page.getByRole("form", { name: "Newer version from the web" });
    await check.getByRole("button", { name: "Check for a newer version" }).click();
    await expect(check.getByRole("status")).toHaveText("No change: the page has the same text as version 1. Nothing was stored.");
    await expect(page.getByText("Updated", { exact: true })).toHaveCount(0);

    const added = "The company said it would stock the reservoir again with trout once it refills.";
    paragraphs = [lines[0]!, lines[1]!, added];
    await check.getByRole("button", { name: "Check for a newer version" }).click();
    await expect(check.getByRole("status")).toHaveText(
      /^Updated: the page's text is now version 2\. 1 paragraph added, 1 removed; \d+ claims? kept, \d+ new, \d+ gone\.$/,
    );
    await expect(page.getByText("Updated", { exact: true })).toBeVisible();
    await expect(page.getByText(/Version 2, .* \(by Eddie Editor\)\./)).toBeVisible();
    await page.getByText("What changed since version 1").click();
    const changes = page.getByRole("list", { name: "Changes since version 1" });
    await expect(changes.getByRole("insertion")).toHaveText(added);
    await expect(changes.getByRole("deletion")).toHaveText(lines[2]!);
    await expect(page.locator("article")).toContainText("stock the reservoir again");
    await page.screenshot({ path: "test-results/screens/article-refetched.png", fullPage: false });

    answer = 503;
    await check.getByRole("button", { name: "Check for a newer version" }).click();
    await expect(check.getByRole("status")).toHaveText(
      `${url} answered 503 Service Unavailable; the site could not send the page: try again later, or paste the article's text instead.`,
    );
    const versions = (await (await page.request.get(`/api/articles/${id}/versions`)).json()) as { total: number };
    expect(versions.total).toBe(2);

    const viewer = await browser.newContext({ storageState: storageStateFor("viewer") });
    const viewerPage = await viewer.newPage();
    await viewerPage.goto(`/articles/${id}`);
    await expect(viewerPage.getByText("Updated", { exact: true })).toBeVisible();
    await expect(viewerPage.getByRole("button", { name: "Check for a newer version" })).toHaveCount(0);
    await viewer.close();
  } finally {
    site.closeAllConnections();
    site.close();
  }
});
