import { expect, test } from "./fixtures/test";
import { testDb } from "./fixtures/db";
import { E2E_USERS, storageStateFor } from "./fixtures/users";

async function claimAt(index: number) {
  const db = testDb();
  try {
    return await db.claim.findFirstOrThrow({ orderBy: { id: "asc" }, skip: index, select: { id: true } });
  } finally {
    await db.$disconnect();
  }
}

const HOSTILE = [
  "<script>window.__xss = 'script'</script>",
  "<img src=x onerror=\"window.__xss = 'img'\">",
  "[click me](javascript:window.__xss='link')",
  "[upper](JAVASCRIPT:window.__xss='upper')",
  "[tab](jav&#x09;ascript:window.__xss='entity')",
  "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
  "<javascript:window.__xss='autolink'>",
  "[ref][evil]\n\n[evil]: javascript:window.__xss='reference'",
  "![pic](https://example.org/x.png\" onerror=\"window.__xss='alt')",
  "<a href=\"javascript:window.__xss='anchor'\">anchor</a>",
  "<svg onload=\"window.__xss='svg'\"></svg>",
  "**bold** and [a real link](https://example.org/report)",
].join("\n\n");

test.describe("notes", () => {
  test.use({ storageState: storageStateFor("viewer") });

  test("hostile Markdown renders as inert text: no script runs, no element with handlers, only http(s) links", async ({ page }) => {
    const claim = await claimAt(2);
    let dialogs = 0;
    page.on("dialog", async (dialog) => {
      dialogs += 1;
      await dialog.dismiss();
    });
    await page.goto(`/claims/${claim.id}`);
    const thread = page.getByRole("region", { name: /Notes/ });
    await thread.getByLabel("Add a note").fill(HOSTILE);
    await thread.getByRole("button", { name: "Add note" }).click();
    const note = thread.locator("[data-note-id]").last();
    await expect(note).toContainText("<script>window.__xss = 'script'</script>");
    await expect(note).toContainText("<img src=x onerror=");
    await expect(note.locator("strong")).toHaveText("bold");

    for (const target of [page, await page.context().newPage()]) {
      if (target !== page) await target.goto(`/claims/${claim.id}`);
      const rendered = target.locator("[data-note-id]").last();
      await expect(rendered.locator("script, img, svg, iframe, object, embed, [onerror], [onload], [onclick]")).toHaveCount(0);
      const hrefs = await rendered.locator("a").evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
      expect(hrefs).toEqual(["https://example.org/report"]);
      for (const text of ["click me", "upper", "tab", "data", "ref"]) await rendered.getByText(text, { exact: true }).click({ timeout: 2000 });
      expect(await target.evaluate(() => (window as unknown as { __xss?: string }).__xss)).toBeUndefined();
    }
    expect(dialogs).toBe(0);
    await page.screenshot({ path: "test-results/screens/notes-hostile.png", fullPage: true });
  });

  test("notes are in the server-rendered HTML of the claim page", async ({ page }) => {
    const claim = await claimAt(6);
    const created = await page.request.post("/api/notes", { data: { target: { type: "claim", id: claim.id }, body: "Server *rendered* note" } });
    expect(created.status()).toBe(201);
    const html = await (await page.request.get(`/claims/${claim.id}`)).text();
    expect(html).toContain("Server <em>rendered</em> note");
  });

  test("a mention autocompletes a teammate and notifies them; the author edits (marked edited) and deletes", async ({ page, browser }) => {
    const claim = await claimAt(7);
    await page.goto(`/claims/${claim.id}`);
    const thread = page.getByRole("region", { name: /Notes/ });
    const editor = thread.getByLabel("Add a note");
    await editor.pressSequentially("Please check this, @eddie");
    const option = page.getByRole("option", { name: new RegExp(E2E_USERS.editor.name) });
    await expect(option).toBeVisible();
    await page.screenshot({ path: "test-results/screens/notes-mention.png" });
    await editor.press("Enter");
    await expect(editor).toHaveValue("Please check this, @e2e-editor ");
    await thread.getByRole("button", { name: "Add note" }).click();
    const note = thread.locator("[data-note-id]").filter({ hasText: "Please check this" });
    await expect(note).toBeVisible();
    const mention = note.locator(".mention");
    await expect(mention).toHaveText("@e2e-editor");
    await expect(mention).toHaveAttribute("title", E2E_USERS.editor.name);
    await note.screenshot({ path: "test-results/screens/note-mention-shown.png" });

    const other = await browser.newContext({ storageState: storageStateFor("editor") });
    const editorPage = await other.newPage();
    await editorPage.goto("/notifications");
    await expect(editorPage.getByRole("link", { name: `${E2E_USERS.viewer.name} mentioned you` }).first()).toBeVisible();
    await expect(editorPage.getByRole("link", { name: /Notifications, \d+ unread/ })).toBeVisible();
    await editorPage.screenshot({ path: "test-results/screens/notifications.png", fullPage: true });
    await editorPage.getByRole("button", { name: "Mark all as read" }).click();
    await expect(editorPage.getByRole("link", { name: "Notifications, none unread" })).toBeVisible();
    await editorPage.goto(`/claims/${claim.id}`);
    await expect(editorPage.locator("[data-note-id]").filter({ hasText: "Please check this" }).getByRole("button", { name: "Edit" })).toHaveCount(0);
    await other.close();

    await note.getByRole("button", { name: "Edit" }).click();
    await note.getByLabel("Edit note").fill("Please check this again");
    await note.getByRole("button", { name: "Save" }).click();
    const edited = thread.locator("[data-note-id]").filter({ hasText: "Please check this again" });
    await expect(edited).toContainText("(edited)");
    page.once("dialog", (dialog) => void dialog.accept());
    await edited.getByRole("button", { name: "Delete" }).click();
    await expect(thread.locator("[data-note-id]").filter({ hasText: "Please check this" })).toHaveCount(0);
  });
});
