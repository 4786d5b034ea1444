import { expect, test } from "@playwright/test";
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
