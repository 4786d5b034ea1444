import { expect, test, type Browser } from "./fixtures/test";
import { testDb } from "./fixtures/db";
import { E2E_USERS, storageStateFor, type E2ERole } from "./fixtures/users";

async function pageAs(browser: Browser, role: E2ERole) {
  const context = await browser.newContext({ storageState: storageStateFor(role) });
  return { context, page: await context.newPage() };
}

/** A claim no other test has touched: the n-th by id of those not reviewed yet (the queue tests review the claims they find first). */
async function claimAt(index: number) {
  const db = testDb();
  try {
    return await db.claim.findFirstOrThrow({
      where: { reviewEvents: { none: {} } },
      orderBy: { id: "desc" },
      skip: index,
      select: { id: true, text: true, version: true },
    });
  } finally {
    await db.$disconnect();
  }
}

async function eventsOf(claimId: string) {
  const db = testDb();
  try {
    return await db.reviewEvent.findMany({
      where: { claimId },
      orderBy: { createdAt: "asc" },
      select: { field: true, from: true, to: true, actor: { select: { email: true } } },
    });
  } finally {
    await db.$disconnect();
  }
}

test.describe("review queue", () => {
  test.use({ storageState: storageStateFor("editor") });

  test("an editor reviews with the keyboard: j/k move, c confirms, a assigns, ? shows the shortcuts", async ({ page }) => {
    await page.goto("/claims");
    await expect(page.getByRole("heading", { name: "Review queue" })).toBeVisible();
    const rows = page.getByRole("table", { name: "Claims to review" }).locator("tbody tr");
    await expect(rows.first()).toHaveAttribute("aria-current", "true");
    const confidences = await rows.locator("td:last-child").allInnerTexts();
    const values = confidences.map((text) => Number.parseInt(text, 10));
    expect(values).toEqual([...values].sort((a, b) => a - b));

    await page.keyboard.press("j");
    await page.keyboard.press("j");
    await page.keyboard.press("k");
    const second = rows.nth(1);
    await expect(second).toHaveAttribute("aria-current", "true");
    const claimId = await second.getAttribute("data-claim-id");
    expect(claimId).toBeTruthy();
    const row = page.locator(`tr[data-claim-id="${claimId}"]`);

    await page.keyboard.press("c");
    await expect(row.getByText("Confirmed", { exact: true })).toBeVisible();
    // A review moves on to the next claim; k comes back.
    await expect(rows.nth(2)).toHaveAttribute("aria-current", "true");
    await expect(rows.nth(2)).toBeFocused();
    await page.keyboard.press("k");
    await expect(row).toHaveAttribute("aria-current", "true");
    await page.keyboard.press("a");
    await expect(row).toContainText(E2E_USERS.editor.name);

    await page.keyboard.press("?");
    const dialog = page.getByRole("dialog", { name: "Keyboard shortcuts" });
    await expect(dialog).toBeVisible();
    for (const action of ["Next claim", "Previous claim", "Confirm", "Dispute", "Mark false", "Not a claim", "Assign to me"]) {
      await expect(dialog.getByText(action, { exact: true })).toBeVisible();
    }
    await page.screenshot({ path: "test-results/screens/claims-shortcuts.png" });
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();

    await page.keyboard.press("d");
    await expect(row.getByText("Disputed", { exact: true })).toBeVisible();
    const events = await eventsOf(claimId!);
    expect(events.map((event) => [event.field, event.to, event.actor?.email])).toEqual([
      ["status", "confirmed", E2E_USERS.editor.email],
      ["assignee", expect.any(String), E2E_USERS.editor.email],
      ["status", "disputed", E2E_USERS.editor.email],
    ]);
    await page.screenshot({ path: "test-results/screens/claims-queue.png", fullPage: true });
  });

  test("filters live in the URL, and a bulk status change writes an audit event per claim", async ({ page }) => {
    await page.goto("/claims");
    const filters = page.getByRole("search", { name: "Filter claims" });
    await filters.getByLabel("Kind").selectOption("quote");
    await filters.getByLabel("Status").selectOption("unreviewed");
    await page.getByRole("button", { name: "Apply", exact: true }).click();
    await expect(page).toHaveURL(/kind=quote/);
    await expect(page).toHaveURL(/status=unreviewed/);
    const rows = page.getByRole("table", { name: "Claims to review" }).locator("tbody tr");
    await expect(rows.first()).toContainText("Direct quote");
    const ids = [await rows.nth(0).getAttribute("data-claim-id"), await rows.nth(1).getAttribute("data-claim-id")];
    await rows.nth(0).getByRole("checkbox").check();
    await rows.nth(1).getByRole("checkbox").check();
    await expect(page.getByText("2 selected")).toBeVisible();
    await page.getByLabel("Set status").selectOption("not_a_claim");
    await page.getByRole("button", { name: "Apply to selected" }).click();
    await expect(page.getByText("2 of 2 claims changed.")).toBeVisible();
    for (const id of ids) {
      await expect(page.locator(`tr[data-claim-id="${id}"]`)).toHaveCount(0);
      expect((await eventsOf(id!)).map((event) => [event.field, event.from, event.to])).toEqual([["status", "unreviewed", "not_a_claim"]]);
    }
  });

  test("two editors changing one claim: the second gets the conflict with who changed it and the current state", async ({ browser }) => {
    const claim = await claimAt(3);
    const first = await pageAs(browser, "editor");
    const second = await pageAs(browser, "admin");
    // The second editor acts before a live refresh (the claim's changes, or the end of the analysis the
    // first review starts) would bring the first one's change.
    await second.page.route("**/api/claims/changes", (route) => route.abort());
    await second.page.route("**/api/analysis", (route) => route.abort());
    await first.page.goto(`/claims/${claim.id}`);
    await second.page.goto(`/claims/${claim.id}`);

    const review = (page: typeof first.page) => page.getByRole("form", { name: "Review" });
    await review(first.page).getByLabel("False").check();
    await review(first.page).getByRole("button", { name: "Save review" }).click();
    await expect(review(first.page).getByText("Saved.")).toBeVisible();

    await review(second.page).getByLabel("Disputed").check();
    await review(second.page).getByLabel("Comment (optional)").fill("I think it is only disputed");
    await review(second.page).getByRole("button", { name: "Save review" }).click();
    const alert = review(second.page).getByRole("alert");
    await expect(alert).toContainText(`changed by ${E2E_USERS.editor.name} at`);
    await expect(alert).toContainText("status False");
    await second.page.screenshot({ path: "test-results/screens/claim-conflict.png", fullPage: true });

    const events = await eventsOf(claim.id);
    expect(events.map((event) => [event.field, event.to])).toEqual([["status", "false"]]);
    await first.context.close();
    await second.context.close();
  });

  test("the claim page shows its paragraph, other outlets, corrections and the audit log; viewers read only", async ({ page, browser }) => {
    const claim = await claimAt(4);
    await page.goto(`/claims/${claim.id}`);
    await expect(page.getByRole("heading", { name: "In its article" })).toBeVisible();
    await expect(page.getByTestId("claim-paragraph").locator("mark")).not.toBeEmpty();
    await expect(page.getByRole("heading", { name: "In other outlets" })).toBeVisible();
    await expect(page.getByText("No changes yet")).toBeVisible();

    const corrections = page.getByRole("form", { name: "Corrections" });
    await corrections.getByLabel("Kind").selectOption("narration");
    await corrections.getByLabel("Comment (optional)").fill("The outlet's own words");
    await corrections.getByRole("button", { name: "Save corrections" }).click();
    await expect(corrections.getByText("Saved.")).toBeVisible();
    const log = page.getByRole("table", { name: "Changes to this claim" });
    await expect(log.getByRole("row").filter({ hasText: "Kind" })).toContainText("Narration");
    await expect(log.getByRole("row").filter({ hasText: "Kind" })).toContainText("The outlet's own words");
    await expect(log).toContainText(E2E_USERS.editor.name);

    const assignment = page.getByRole("form", { name: "Assignment" });
    await assignment.getByLabel("Assignee").selectOption({ label: `${E2E_USERS.viewer.name} (viewer)` });
    await assignment.getByRole("button", { name: "Assign" }).click();
    await expect(log.getByRole("row").filter({ hasText: "Assignee" })).toContainText(E2E_USERS.viewer.name);
    await page.screenshot({ path: "test-results/screens/claim-detail.png", fullPage: true });

    const viewer = await pageAs(browser, "viewer");
    await viewer.page.goto(`/claims/${claim.id}`);
    await expect(viewer.page.getByText("Reviewing needs the editor role")).toBeVisible();
    await expect(viewer.page.getByRole("button", { name: "Save review" })).toHaveCount(0);
    await expect(viewer.page.getByRole("link", { name: /Notifications, \d+ unread/ })).toBeVisible();
    await viewer.page.goto("/claims");
    await expect(viewer.page.getByText("Read-only: reviewing needs the editor role.")).toBeVisible();
    await expect(viewer.page.getByRole("checkbox")).toHaveCount(0);
    const refused = await viewer.page.request.patch(`/api/claims/${claim.id}`, { data: { status: "confirmed", version: 99 } });
    expect(refused.status()).toBe(403);
    await viewer.context.close();
  });

  test("a speaker correction is typed by name with suggestions; a name no speaker has is refused and named", async ({ page }) => {
    const claim = await claimAt(6);
    const db = testDb();
    const { pipelineSpeaker: derived } = await db.claim.findUniqueOrThrow({
      where: { id: claim.id },
      select: { pipelineSpeaker: { select: { id: true, name: true } } },
    });
    const other = await db.speaker.findFirstOrThrow({
      where: { name: { contains: " ", not: derived?.name } },
      orderBy: { name: "asc" },
      select: { name: true },
    });
    await page.goto(`/claims/${claim.id}`);
    const corrections = page.getByRole("form", { name: "Corrections" });
    const field = corrections.getByRole("combobox", { name: "Speaker" });
    await expect(field).toHaveAttribute("placeholder", `As derived (${derived?.name ?? "unknown"})`);

    await field.fill("Nobody Of This Name");
    await corrections.getByRole("button", { name: "Save corrections" }).click();
    await expect(corrections.getByRole("alert")).toContainText("No speaker is called “Nobody Of This Name”");

    // Typing part of a name suggests the speakers whose name contains it.
    const part = other.name.split(" ").at(-1)!.slice(0, 4);
    await field.fill("");
    await field.pressSequentially(part);
    await expect(page.getByTestId(`correction-speaker-${claim.id}-suggestions`).locator(`option[value="${other.name}"]`)).toHaveCount(1);
    // The name in any case.
    await field.fill(other.name.toUpperCase());
    await corrections.getByRole("button", { name: "Save corrections" }).click();
    await expect(corrections.getByText("Saved.")).toBeVisible();
    await expect(page.getByRole("table", { name: "Changes to this claim" })).toContainText(other.name);
    await expect(corrections.getByRole("combobox", { name: "Speaker" })).toHaveValue(other.name);

    // Emptied, the field goes back to the derived speaker: the audit log says so.
    await corrections.getByRole("combobox", { name: "Speaker" }).fill("");
    await corrections.getByRole("button", { name: "Save corrections" }).click();
    const log = page.getByRole("table", { name: "Changes to this claim" });
    const escaped = other.name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    await expect(log.getByRole("row").filter({ hasText: new RegExp(`${escaped}\\s*as derived`) })).toHaveCount(1);
    await expect(corrections.getByRole("combobox", { name: "Speaker" })).toHaveValue("");
    const after = await db.claim.findUniqueOrThrow({ where: { id: claim.id }, select: { speakerId: true } }).finally(() => db.$disconnect());
    expect(after.speakerId).toBe(derived?.id ?? null);
  });

  test("a claim marked “Not a claim” leaves its cluster in the briefs once the analysis has run", async ({ page }) => {
    const db = testDb();
    const claim = await db.claim
      .findFirstOrThrow({ where: { status: "unreviewed", cluster: { claimCount: { gt: 2 } } }, orderBy: { id: "asc" }, select: { id: true, clusterId: true } })
      .finally(() => db.$disconnect());
    const cluster = async () => {
      const response = await page.request.get(`/api/clusters/${claim.clusterId}?limit=50`);
      if (response.status() === 404) return { claimCount: 0, members: [] };
      const { claimCount, claims } = ((await response.json()) as { cluster: { claimCount: number; claims: { id: string }[] } }).cluster;
      return { claimCount, members: claims.map((member) => member.id) };
    };
    const before = await cluster();
    expect(before.members).toContain(claim.id);

    await page.goto(`/claims/${claim.id}`);
    const review = page.getByRole("form", { name: "Review" });
    await review.getByLabel("Not a claim").check();
    await review.getByRole("button", { name: "Save review" }).click();
    await expect(review.getByText("Saved.")).toBeVisible();
    // At once, the cluster no longer shows it; its stored count follows when the analysis, started after
    // the answer in a process of its own, has run.
    expect((await cluster()).members).not.toContain(claim.id);
    await expect.poll(async () => (await cluster()).claimCount, { timeout: 60_000, intervals: [1_000] }).toBeLessThan(before.claimCount);
  });

  test("the queue shows a teammate's review without a reload, and the reviewer keeps their place, selection and comment", async ({ page, browser }) => {
    // The analysis versions the page's banner has seen (it polls GET /api/analysis).
    const seen: string[] = [];
    page.on("response", async (response) => {
      if (new URL(response.url()).pathname === "/api/analysis" && response.ok()) seen.push(((await response.json()) as { version: string }).version);
    });
    await page.goto("/claims");
    const rows = page.getByRole("table", { name: "Claims to review" }).locator("tbody tr");
    await expect(rows.first()).toHaveAttribute("aria-current", "true");
    // Marks this document: a reload or a navigation would lose it.
    await page.evaluate(() => ((window as unknown as { queueMark: number }).queueMark = 1));
    await page.keyboard.press("j");
    await page.keyboard.press("j");
    await page.keyboard.press("x");
    await expect(rows.nth(2)).toHaveAttribute("aria-current", "true");
    const active = page.locator(`tr[data-claim-id="${await rows.nth(2).getAttribute("data-claim-id")}"]`);
    await expect(page.getByText("1 selected")).toBeVisible();
    await page.getByLabel("Comment (optional)").fill("Half-written comment");
    const kept = async () => {
      expect(await page.evaluate(() => (window as unknown as { queueMark?: number }).queueMark)).toBe(1);
      await expect(active).toHaveAttribute("aria-current", "true");
      await expect(page.getByText("1 selected")).toBeVisible();
      await expect(page.getByLabel("Comment (optional)")).toHaveValue("Half-written comment");
    };

    // A teammate marks a claim further down "not a claim", through the API: the row changes in place.
    const target = page.locator(`tr[data-claim-id="${await rows.nth(5).getAttribute("data-claim-id")}"]`);
    const claimId = (await target.getAttribute("data-claim-id"))!;
    const other = await pageAs(browser, "admin");
    const analysisVersion = async () => (await (await other.page.request.get("/api/analysis")).json()) as { state: string; version: string };
    const before = (await analysisVersion()).version;
    const claim = (await (await other.page.request.get(`/api/claims/${claimId}`)).json()) as { version: number };
    const response = await other.page.request.patch(`/api/claims/${claimId}`, { data: { status: "not_a_claim", version: claim.version } });
    expect(response.status()).toBe(200);
    await expect(target.getByText("Not a claim", { exact: true })).toBeVisible({ timeout: 20_000 });
    await kept();

    // That review runs the analysis again; when the banner sees it done, the page follows it, and the
    // queue does so by reading its rows again, not by rendering its route anew.
    let after = before;
    await expect
      .poll(
        async () => {
          const state = await analysisVersion();
          after = state.version;
          return state.state === "idle" && state.version !== before;
        },
        { timeout: 60_000, intervals: [1_000] },
      )
      .toBe(true);
    await other.context.close();
    await expect.poll(() => seen.includes(after), { timeout: 20_000 }).toBe(true);
    // Time for what follows it (the rows read again; a new render of the route would have arrived too).
    await page.waitForTimeout(1_500);
    await kept();
  });

  test("an open claim page shows a teammate's change without a reload", async ({ page, browser }) => {
    const claim = await claimAt(5);
    await page.goto(`/claims/${claim.id}`);
    await expect(page.getByText("Unreviewed", { exact: true }).first()).toBeVisible();
    const other = await pageAs(browser, "admin");
    const response = await other.page.request.patch(`/api/claims/${claim.id}`, {
      data: { status: "confirmed", comment: "Checked with the desk", version: claim.version },
    });
    expect(response.status()).toBe(200);
    await expect(page.getByRole("table", { name: "Changes to this claim" })).toContainText("Checked with the desk", { timeout: 20_000 });
    await expect(page.getByText(`Version ${claim.version + 1}`)).toBeVisible();
    await other.context.close();
  });
});
