import { expect, test, type Browser, type Page } from "./fixtures/test";
import { testDb } from "./fixtures/db";
import { E2E_PASSWORD, E2E_USERS, storageStateFor, type E2ERole } from "./fixtures/users";

/**
 * The dashboard and issue bodies are rendered once per data version and replayed for every reader. These
 * tests check what that must never cost: a change shows on the next request, and what belongs to one
 * reader (their buttons, their notes' controls) is never served to another.
 */

async function pageAs(browser: Browser, role: E2ERole): Promise<Page> {
  const context = await browser.newContext({ storageState: storageStateFor(role) });
  return context.newPage();
}

const ISSUE = "/issues/donbas";

/** An outlet with claims on the issue. */
async function outletOnIssue(): Promise<{ slug: string; name: string }> {
  const db = testDb();
  try {
    const rows = await db.$queryRaw<{ slug: string; name: string }[]>`
      SELECT o.slug, o.name FROM "ClaimIssue" ci JOIN "Issue" i ON i.id = ci."issueId" JOIN "Claim" c ON c.id = ci."claimId"
        JOIN "Article" a ON a.id = c."articleId" JOIN "Outlet" o ON o.id = a."outletId"
      WHERE i.slug = 'donbas' AND c.status::text <> 'not_a_claim' ORDER BY o.slug LIMIT 1`;
    return rows[0]!;
  } finally {
    await db.$disconnect();
  }
}

/** The first claim of the issue's list narrowed to one outlet: the item and its review page. */
async function firstListedClaim(page: Page, url: string) {
  await page.goto(url);
  const item = page.getByRole("list", { name: "Claims on this issue" }).getByRole("listitem").first();
  await expect(item).toBeVisible();
  const href = (await item.locator('a[href^="/claims/"]').first().getAttribute("href"))!;
  return { item, href };
}

/** Renames an outlet on the admin's Outlets page. */
async function renameOutlet(admin: Page, from: string, to: string) {
  await admin.goto("/admin/outlets");
  const field = admin.getByLabel(`Name of ${from}`, { exact: true });
  await field.fill(to);
  await admin.locator("form", { has: field }).getByRole("button", { name: "Rename" }).click();
  await expect(admin.getByText(`Renamed to ${to}.`)).toBeVisible();
}

test.describe("the brief bodies kept per data version", () => {
  test("a review and an outlet's new name show on the issue page at the next request, for a reader who saw it before", async ({ browser }) => {
    const viewer = await pageAs(browser, "viewer");
    const admin = await pageAs(browser, "admin");
    const narrowed = `${ISSUE}?outlet=${(await outletOnIssue()).slug}`;
    const { item, href } = await firstListedClaim(viewer, narrowed);
    const source = (await item.locator('a[href*="?outlet="]').first().textContent())!.trim();

    const review = async (label: string) => {
      await admin.goto(href);
      const form = admin.getByRole("form", { name: "Review" });
      await form.getByLabel(label, { exact: true }).check();
      await form.getByRole("button", { name: "Save review" }).click();
      await expect(form.getByText("Saved.")).toBeVisible();
    };
    const originalStatus = (await item
      .getByText(/^(Unreviewed|Confirmed|Disputed|False)$/)
      .first()
      .textContent())!.trim();
    const newStatus = originalStatus === "Disputed" ? "Confirmed" : "Disputed";
    try {
      await review(newStatus);
      await viewer.goto(narrowed);
      await expect(viewer.getByRole("list", { name: "Claims on this issue" }).locator(`li:has(a[href="${href}"])`).first()).toContainText(newStatus);
    } finally {
      await review(originalStatus);
    }
    await viewer.goto(narrowed);
    await expect(viewer.getByRole("list", { name: "Claims on this issue" }).locator(`li:has(a[href="${href}"])`).first()).toContainText(originalStatus);

    // The outlet carrying that claim is renamed by an admin: the next view of the issue says so.
    const renamed = `${source} (renamed ${Date.now()})`;
    await renameOutlet(admin, source, renamed);
    try {
      await viewer.goto(narrowed);
      await expect(viewer.getByRole("list", { name: "Claims on this issue" }).getByRole("link", { name: renamed, exact: true }).first()).toBeVisible();
    } finally {
      await renameOutlet(admin, renamed, source);
    }
    await viewer.goto(narrowed);
    await expect(viewer.getByRole("list", { name: "Claims on this issue" }).getByRole("link", { name: renamed, exact: true })).toHaveCount(0);
    await viewer.context().close();
    await admin.context().close();
  });

  test("one reader's buttons and notes controls are never served to another from the kept body", async ({ browser }) => {
    const editor = await pageAs(browser, "editor");
    const viewer = await pageAs(browser, "viewer");
    const admin = await pageAs(browser, "admin");
    // The editor renders the page first and writes a note; then the others read the same data version.
    await editor.goto(ISSUE);
    await expect(editor.getByRole("button", { name: "Share" })).toBeVisible();
    const note = `Cache check ${Date.now()}: only its author may edit this.`;
    await editor.getByLabel("Add a note").fill(note);
    await editor.getByRole("button", { name: "Add note", exact: true }).click();
    const thread = (page: Page) => page.locator("[data-note-id]").filter({ hasText: note });
    await expect(thread(editor)).toBeVisible();
    await editor.reload();
    await expect(thread(editor).getByRole("button", { name: "Edit", exact: true })).toBeVisible();
    const dismissals = await editor.getByRole("button", { name: "Dismiss this pair" }).count();

    await viewer.goto(ISSUE);
    await expect(viewer.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(thread(viewer)).toBeVisible();
    await expect(viewer.getByRole("button", { name: "Share" })).toHaveCount(0);
    await expect(viewer.getByRole("link", { name: "Edit issue" })).toHaveCount(0);
    await expect(viewer.getByRole("button", { name: "Dismiss this pair" })).toHaveCount(0);
    await expect(thread(viewer).getByRole("button", { name: "Edit", exact: true })).toHaveCount(0);
    await expect(viewer.getByRole("banner")).toContainText("Vera Viewer");
    await expect(viewer.getByRole("banner")).not.toContainText("Eddie Editor");

    await admin.goto(ISSUE);
    await expect(admin.getByRole("link", { name: "Edit issue" })).toBeVisible();
    await expect(admin.getByRole("button", { name: "Dismiss this pair" })).toHaveCount(dismissals);
    await expect(admin.getByRole("banner")).toContainText("Ada Admin");

    // And back: the editor, after the others, still has their own controls.
    await editor.goto(ISSUE);
    await expect(editor.getByRole("button", { name: "Share" })).toBeVisible();
    await expect(editor.getByRole("link", { name: "Edit issue" })).toHaveCount(0);
    await expect(editor.getByRole("banner")).toContainText("Eddie Editor");
    for (const page of [editor, viewer, admin]) await page.context().close();
  });

  test("the first view of the dashboard and of an issue is kept per reader: served again as it was, new at once after a change, and never after sign-out", async ({
    browser,
  }) => {
    // A session of its own, so that signing it out leaves the other tests' sessions alone.
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto("/login");
    await page.getByLabel("Email").fill(E2E_USERS.editor.email);
    await page.getByLabel("Password").fill(E2E_PASSWORD);
    await page.getByRole("button", { name: "Log in" }).click();
    await expect(page.getByRole("heading", { name: "The story at a glance" })).toBeVisible();

    // The analysis banner is part of what a page shows: while an analysis queued by other tests runs, each
    // of its steps is a new state of the page.
    await expect.poll(async () => ((await (await page.request.get("/api/analysis")).json()) as { state: string }).state, { timeout: 60_000 }).toBe("idle");
    for (const path of ["/", ISSUE, "/claims"]) {
      // Asked again with nothing changed, the stored page is served (a background job that changes the data
      // meanwhile makes it new once more).
      let again = await page.goto(path);
      await expect.poll(async () => (again = await page.goto(path))!.headers()["x-nextjs-cache"], { message: `${path} kept`, timeout: 30_000 }).toBe("HIT");
      expect(again!.headers()["cache-control"], `${path} is this reader's alone`).toContain("private");
      await expect(page.getByRole("banner")).toContainText("Eddie Editor");
    }
    // Filtered views are rendered for the request.
    for (const path of [`${ISSUE}?kind=quote`, "/claims?status=unreviewed"]) expect((await page.goto(path))!.headers()["x-nextjs-cache"], path).toBeUndefined();

    // Followed from another page's link, the kept dashboard is what the router shows.
    await page.goto("/claims");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Dashboard" }).click();
    await expect(page.getByRole("heading", { name: "The story at a glance" })).toBeVisible();
    await expect(page).toHaveURL(/\/$/);

    // A note on the issue is on its page at the next request.
    const note = `Page cache check ${Date.now()}`;
    await page.goto(ISSUE);
    await page.getByLabel("Add a note").fill(note);
    await page.getByRole("button", { name: "Add note", exact: true }).click();
    await expect(page.locator("[data-note-id]").filter({ hasText: note })).toBeVisible();
    const fresh = await page.goto(ISSUE);
    expect(fresh!.headers()["x-nextjs-cache"]).toBe("MISS");
    await expect(page.locator("[data-note-id]").filter({ hasText: note })).toBeVisible();

    // The cache's own addresses are not found from outside, whatever follows.
    for (const path of ["/cached", "/cached/anything", "/cached/a.b.c/issues/donbas"]) {
      const response = await page.goto(path);
      expect(response!.status(), path).toBe(404);
    }

    // Signed out, the same cookie replayed gets none of these pages, not even the kept ones.
    const signedIn = await context.storageState();
    await page.goto("/");
    await page.getByRole("button", { name: "Log out" }).click();
    await expect(page).toHaveURL(/\/login/);
    const replay = await browser.newContext({ storageState: signedIn });
    const stolen = await replay.newPage();
    for (const path of ["/", ISSUE, "/claims"]) {
      await stolen.goto(path);
      await expect(stolen, path).toHaveURL(/\/login/);
    }
    await replay.close();
    await context.close();
  });
});
