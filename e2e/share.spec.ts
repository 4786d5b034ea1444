import fs from "node:fs";
import { parse } from "csv-parse/sync";
import { expect, test, type Browser, type Page } from "./fixtures/test";

import { testDb } from "./fixtures/db";
import { E2E_USERS, storageStateFor } from "./fixtures/users";

const ISSUE = "security-guarantees";
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/;

async function withDb<T>(work: (db: ReturnType<typeof testDb>) => Promise<T>): Promise<T> {
  const db = testDb();
  try {
    return await work(db);
  } finally {
    await db.$disconnect();
  }
}

/** A browser with no session and no JavaScript: what a link preview, a crawler or a locked-down reader sees. */
async function openWithoutScript(browser: Browser, url: string) {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const response = await page.goto(url);
  return { context, page, status: response?.status() ?? 0, html: (await response?.text()) ?? "", headers: response?.headers() ?? {} };
}

/** A dead link is a real 404 with nothing of the brief in it, readable with and without JavaScript. */
async function expectDeadLink(browser: Browser, url: string, screenshot?: string) {
  const bare = await openWithoutScript(browser, url);
  expect(bare.status, `${url} status`).toBe(404);
  expect(bare.html).not.toContain("State of play");
  await expect(bare.page.getByRole("heading", { name: "This link does not work" })).toBeVisible();
  await expect(bare.page.getByText("Ask whoever sent it for a new one")).toBeVisible();
  await expect(bare.page.locator('meta[name="robots"]').first()).toHaveAttribute("content", /noindex/);
  await bare.context.close();

  const context = await browser.newContext();
  const page = await context.newPage();
  const response = await page.goto(url);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "This link does not work" })).toBeVisible();
  await expect(page.getByText("State of play")).toHaveCount(0);
  if (screenshot) await page.screenshot({ path: screenshot, fullPage: true });
  await context.close();
}

async function createLinkInDialog(page: Page, expiry: string): Promise<string> {
  await page.getByRole("button", { name: "Share", exact: true }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toBeVisible();
  await dialog.getByRole("radio", { name: expiry }).check();
  await dialog.getByRole("button", { name: "Create link" }).click();
  const field = dialog.getByRole("textbox", { name: "Share link" });
  await expect(field).toHaveValue(/\/s\/[A-Za-z0-9_-]{43}$/);
  return field.inputValue();
}

test.describe("share links as an editor", () => {
  test.use({ storageState: storageStateFor("editor") });

  test("an editor shares an issue brief; a reader without JavaScript sees it with its meta tags, and nothing internal", async ({ page, browser, request }) => {
    const noteText = `Internal note ${Date.now()} not for readers`;
    const issue = await withDb(async (db) => {
      const row = await db.issue.findUniqueOrThrow({ where: { slug: ISSUE }, select: { id: true, title: true } });
      const editor = await db.user.findUniqueOrThrow({ where: { email: E2E_USERS.editor.email }, select: { id: true } });
      const note = await db.note.create({ data: { authorId: editor.id, targetType: "issue", issueId: row.id, body: noteText }, select: { id: true } });
      return { ...row, noteId: note.id };
    });
    try {
      await shareAndRead(issue);
    } finally {
      await withDb((db) => db.note.delete({ where: { id: issue.noteId } }));
    }

    async function shareAndRead(issue: { id: string; title: string }) {
      await page.goto(`/issues/${ISSUE}`);
      await expect(page.getByRole("heading", { level: 1, name: issue.title })).toBeVisible();
      const url = await createLinkInDialog(page, "30 days");
      await page.screenshot({ path: "test-results/screens/share-dialog.png" });
      expect(new URL(url).pathname).toMatch(/^\/s\//);

      const { context, page: reader, status, html, headers } = await openWithoutScript(browser, url);
      expect(status).toBe(200);
      // Kept by this server only: a shared cache would serve it on after the link is revoked.
      expect(headers["cache-control"]).toBe("private, no-store");
      await expect(reader.getByRole("heading", { level: 1, name: issue.title })).toBeVisible();
      await expect(reader.getByText(/^As of \d+ \w+ \d{4}, \d\d:\d\d UTC/)).toBeVisible();
      await expect(reader.getByRole("heading", { name: "State of play" })).toBeVisible();
      await expect(reader.getByRole("heading", { name: "Where sources disagree" })).toBeVisible();
      await expect(reader.getByRole("heading", { name: "How each source frames it" })).toBeVisible();
      // Who stands where: at least two actors, each claim with the sources carrying it, and no links into the app.
      expect(await reader.getByRole("list", { name: "Positions by actor" }).locator(":scope > li").count()).toBeGreaterThanOrEqual(2);
      await expect(
        reader
          .getByRole("list", { name: "Positions by actor" })
          .getByText(/\d+ sources?:/)
          .first(),
      ).toBeVisible();
      await expect(reader.getByRole("heading", { name: "Sources", exact: true })).toBeVisible();
      const disagree = reader.locator("section", { has: reader.getByRole("heading", { name: "Where sources disagree" }) });
      await expect(disagree.getByRole("cell", { name: /^95%/ }).first()).toBeVisible();
      await expect(disagree.getByRole("cell", { name: /^100%/ }).first()).toBeVisible();
      expect(await reader.getByRole("table", { name: "Articles this brief draws on" }).getByRole("row").count()).toBeGreaterThan(1);
      await expect(reader.locator('a[href^="/articles/"], a[href^="/issues/"], a[href^="/claims/"]')).toHaveCount(0);

      const head = reader.locator("head");
      await expect(head.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex.*nofollow/);
      await expect(head.locator('meta[property="og:title"]')).toHaveAttribute("content", issue.title);
      await expect(head.locator('meta[name="twitter:card"]')).toHaveAttribute("content", "summary_large_image");
      await expect(head.locator('link[rel="canonical"]')).toHaveAttribute("href", url);
      const ogImage = await head.locator('meta[property="og:image"]').getAttribute("content");
      expect(ogImage!.startsWith(`${new URL(url).origin}/s/`)).toBe(true);
      expect(ogImage).toMatch(/\/s\/[A-Za-z0-9_-]{43}\/opengraph-image/);
      await reader.screenshot({ path: "test-results/screens/share-issue.png", fullPage: true });
      await reader.emulateMedia({ media: "print" });
      await reader.setViewportSize({ width: 794, height: 1123 });
      await reader.screenshot({ path: "test-results/screens/share-print.png", fullPage: true });
      await reader
        .locator("section", { has: reader.getByRole("heading", { name: "Sources", exact: true }) })
        .screenshot({ path: "test-results/screens/share-print-sources.png" });
      await context.close();

      const image = await request.get(ogImage!);
      expect(image.status()).toBe(200);
      expect(image.headers()["content-type"]).toBe("image/png");
      const png = await image.body();
      expect(png.subarray(1, 4).toString()).toBe("PNG");
      fs.writeFileSync("test-results/screens/share-og.png", png);

      expect(html).not.toMatch(EMAIL);
      expect(html).not.toContain(noteText);
      for (const user of Object.values(E2E_USERS)) expect(html).not.toContain(user.name);
      expect(html).not.toMatch(/unreviewed|not_a_claim|assignee/i);

      // Counted after the response, and for a second reader served the page as rendered for the first.
      const again = await request.get(new URL(url).pathname);
      expect(again.status()).toBe(200);
      expect(await again.text()).toContain(issue.title);
      await expect
        .poll(
          async () =>
            (await withDb((db) => db.shareLink.findFirstOrThrow({ where: { issueId: issue.id }, orderBy: { createdAt: "desc" }, select: { openCount: true } })))
              .openCount,
        )
        .toBe(2);
    }
  });

  test("a shared claim shows its sentence, speaker, kind, outlet and cluster", async ({ page, browser }) => {
    // A claim whose cluster still has another member to show: the review specs mark some claims "not a claim", which the share page leaves out.
    const claim = await withDb(async (db) => {
      const claims = await db.claim.findMany({
        where: { cluster: { outletCount: { gt: 1 } }, speakerId: { not: null }, article: { outletId: { not: null } } },
        orderBy: { id: "asc" },
        select: {
          id: true,
          speaker: { select: { name: true } },
          article: { select: { outlet: { select: { name: true } } } },
          cluster: { select: { label: true, claims: { where: { status: { not: "not_a_claim" } }, select: { id: true } } } },
        },
      });
      const shown = claims.find((candidate) => candidate.cluster!.claims.some((member) => member.id !== candidate.id));
      if (!shown) throw new Error("No claim with another outlet's claim in its cluster: the seeds changed.");
      return shown;
    });
    await page.goto(`/claims/${claim.id}`);
    const url = await createLinkInDialog(page, "1 day");
    const { context, page: reader, status } = await openWithoutScript(browser, url);
    expect(status).toBe(200);
    await expect(reader.getByTestId("shared-claim-sentence").locator("mark")).toBeVisible();
    await expect(reader.getByRole("definition").filter({ hasText: claim.speaker!.name }).first()).toBeVisible();
    await expect(reader.getByRole("definition").filter({ hasText: claim.article.outlet!.name }).first()).toBeVisible();
    await expect(reader.getByRole("heading", { name: "In other outlets" })).toBeVisible();
    await expect(reader.getByText(claim.cluster!.label, { exact: false }).first()).toBeVisible();
    await expect(reader.getByText(/Unreviewed|Confirmed|Assigned/)).toHaveCount(0);
    await reader.screenshot({ path: "test-results/screens/share-claim.png", fullPage: true });
    await context.close();
  });

  test("revoked, expired and unknown links all get the same 404 page", async ({ page, browser }) => {
    await page.goto(`/issues/${ISSUE}`);
    const revokedUrl = await createLinkInDialog(page, "7 days");
    const created = await page.request.post("/api/share-links", { data: { target: { type: "issue", slug: ISSUE }, expiresInDays: 1 } });
    expect(created.status()).toBe(201);
    const { id: expiringId, url: expiringUrl } = (await created.json()) as { id: string; url: string };
    expect(expiringUrl).toMatch(/\/s\/[A-Za-z0-9_-]{43}$/);

    for (const url of [revokedUrl, expiringUrl]) {
      const { context, status } = await openWithoutScript(browser, url);
      expect(status).toBe(200);
      await context.close();
    }

    await page.goto("/shares");
    await expect(page.getByRole("heading", { name: "Share links" })).toBeVisible();
    const table = page.getByRole("table", { name: "Share links" });
    const { items, total } = (await (await page.request.get("/api/share-links")).json()) as { items: { id: string }[]; total: number };
    expect(total).toBeGreaterThanOrEqual(3);
    const revokedId = items.find((item) => item.id !== expiringId)!.id;
    expect(items[0]!.id).toBe(expiringId);
    await expect(table.getByRole("row")).toHaveCount(total + 1);
    await page.screenshot({ path: "test-results/screens/share-list.png", fullPage: true });
    const row = table.getByRole("row").nth(2);
    const revokeLink = async () => {
      await row.getByRole("button", { name: /^Revoke the link/ }).click();
      await expect(row).toContainText("Revoke this link?");
      await row.getByRole("button", { name: /^Yes, revoke the link/ }).click();
      await expect(row.getByRole("button", { name: /^Undo revoking/ })).toBeFocused();
      await expect(row).toContainText("Revoked");
    };
    // Asking first: Cancel leaves the link alone.
    await row.getByRole("button", { name: /^Revoke the link/ }).click();
    await row.getByRole("button", { name: "Cancel" }).click();
    await expect(row.getByRole("button", { name: /^Revoke the link/ })).toBeVisible();
    expect((await withDb((db) => db.shareLink.findUniqueOrThrow({ where: { id: revokedId }, select: { revokedAt: true } }))).revokedAt).toBeNull();

    await revokeLink();
    await page.screenshot({ path: "test-results/screens/share-undo.png" });
    await expectDeadLink(browser, revokedUrl);
    await row.getByRole("button", { name: /^Undo revoking/ }).click();
    await expect(row.getByRole("status")).toContainText("Link restored.");
    await expect(row.getByText("Active", { exact: true })).toBeVisible();
    const reopened = await openWithoutScript(browser, revokedUrl);
    expect(reopened.status).toBe(200);
    await reopened.context.close();

    await revokeLink();
    // The undo lasts a few seconds, then the row says when the link was revoked.
    await expect(row.getByRole("button", { name: /^Undo revoking/ })).toBeHidden({ timeout: 15_000 });
    await expect(row).toContainText(/Revoked \d/);
    const revoked = await withDb((db) => db.shareLink.findUniqueOrThrow({ where: { id: revokedId }, select: { revokedAt: true } }));
    expect(revoked.revokedAt).not.toBeNull();
    await expectDeadLink(browser, revokedUrl, "test-results/screens/share-404.png");

    await withDb((db) => db.shareLink.update({ where: { id: expiringId }, data: { expiresAt: new Date(Date.now() - 60_000) } }));
    await expectDeadLink(browser, expiringUrl);
    const image = await page.request.get(`${new URL(expiringUrl).pathname}/opengraph-image`);
    expect(image.status()).toBe(404);

    await expectDeadLink(browser, `/s/${"A".repeat(43)}`);
    await expectDeadLink(browser, "/s/not-a-token");

    const deleted = await page.request.delete(`/api/share-links/${expiringId}`);
    expect(deleted.status()).toBe(204);
    const missing = await page.request.delete("/api/share-links/no-such-link");
    expect(missing.status()).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { code: "not_found" } });
  });

  test("the share API validates its input", async ({ page }) => {
    const unknown = await page.request.post("/api/share-links", { data: { target: { type: "issue", slug: "no-such-issue" } } });
    expect(unknown.status()).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: { code: "not_found" } });
    const invalid = await page.request.post("/api/share-links", { data: { target: { type: "issue", slug: ISSUE }, expiresInDays: 3 } });
    expect(invalid.status()).toBe(422);
    expect(((await invalid.json()) as { error: { message: string } }).error.message).toMatch(/expiresInDays/);
    const broken = await page.request.post("/api/share-links", { data: Buffer.from("{not json"), headers: { "content-type": "application/json" } });
    expect(broken.status()).toBe(400);
  });
});

test.describe("share links and exports as a viewer", () => {
  test.use({ storageState: storageStateFor("viewer") });

  test("a viewer sees no Share button and the API refuses them", async ({ page, playwright }) => {
    await page.goto(`/issues/${ISSUE}`);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Export" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Share", exact: true })).toHaveCount(0);
    const refused = await page.request.post("/api/share-links", { data: { target: { type: "issue", slug: ISSUE }, expiresInDays: 7 } });
    expect(refused.status()).toBe(403);
    expect(await refused.json()).toMatchObject({ error: { code: "forbidden" } });

    const anonymous = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL, storageState: { cookies: [], origins: [] } });
    const anonymousPost = await anonymous.post("/api/share-links", { data: { target: { type: "issue", slug: ISSUE } }, maxRedirects: 0 });
    expect(anonymousPost.status()).toBe(401);
    const anonymousExport = await anonymous.get("/api/export/claims.csv", { maxRedirects: 0 });
    expect(anonymousExport.status()).toBe(401);
    await anonymous.dispose();
  });

  test("the claims CSV parses with a header row and one record per matching claim", async ({ page }) => {
    const response = await page.request.get(`/api/export/claims.csv?issue=${ISSUE}&kind=quote`);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toMatch(/^text\/csv/);
    const rows = parseCsv(await response.text());
    const header = rows[0]!;
    expect(header).toEqual([
      "id",
      "status",
      "kind",
      "speaker",
      "outlet",
      "article_title",
      "article_url",
      "published_at",
      "issues",
      "confidence",
      "text",
      "quote",
      "cluster",
    ]);
    // Quotes as they are now: the review tests correct some claims' kind.
    const expected = await withDb((db) =>
      db.claim.findMany({ where: { issues: { some: { issue: { slug: ISSUE } } }, kind: "quote" }, select: { id: true, text: true } }),
    );
    const records = rows.slice(1).map((row) => Object.fromEntries(header.map((name, index) => [name, row[index]])));
    expect(records.length).toBeGreaterThanOrEqual(expected.length);
    expect(records.length).toBeGreaterThan(0);
    for (const record of records) {
      expect(record.kind).toBe("quote");
      expect(record.issues!.split(";")).toContain(ISSUE);
      expect(Object.keys(record)).toHaveLength(header.length);
    }
    const byId = new Map(records.map((record) => [record.id, record]));
    for (const claim of expected) expect(byId.get(claim.id)?.text).toBe(claim.text);
  });

  test("the ClaimReview export is JSON-LD with the schema.org properties, for reviewed claims only", async ({ page }) => {
    const picked = await withDb(async (db) => {
      const claims = await db.claim.findMany({
        where: { status: "unreviewed", speakerId: { not: null } },
        orderBy: { id: "asc" },
        take: 3,
        select: { id: true },
      });
      const statuses = ["confirmed", "disputed", "false"] as const;
      await Promise.all(claims.map((claim, index) => db.claim.update({ where: { id: claim.id }, data: { status: statuses[index]! } })));
      return claims.map((claim) => claim.id);
    });
    try {
      const response = await page.request.get("/api/export/claimreview.json");
      expect(response.status()).toBe(200);
      expect(response.headers()["content-type"]).toMatch(/^application\/ld\+json/);
      const reviews = (await response.json()) as Record<string, unknown>[];
      expect(Array.isArray(reviews)).toBe(true);
      expect(reviews.length).toBeGreaterThanOrEqual(3);
      for (const review of reviews) {
        expect(review["@context"]).toBe("https://schema.org");
        expect(review["@type"]).toBe("ClaimReview");
        expect(typeof review.claimReviewed).toBe("string");
        expect(review.datePublished).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(review.author).toEqual({ "@type": "Organization", name: "Briefing" });
        const rating = review.reviewRating as Record<string, unknown>;
        expect(rating).toMatchObject({ "@type": "Rating", bestRating: 5, worstRating: 1 });
        expect([1, 3, 5]).toContain(rating.ratingValue);
        expect(["Confirmed", "Disputed", "False"]).toContain(rating.alternateName);
        const item = review.itemReviewed as Record<string, unknown>;
        expect(item["@type"]).toBe("Claim");
        // A claim whose speaker is unknown has no author; any author given is a typed, named one.
        if (item.author !== undefined) {
          expect(["Person", "Organization"]).toContain((item.author as Record<string, unknown>)["@type"]);
          expect(typeof (item.author as Record<string, unknown>).name).toBe("string");
        }
        expect(item.appearance).toMatchObject({ "@type": "CreativeWork" });
      }
      expect(new Set(reviews.map((review) => (review.reviewRating as { alternateName: string }).alternateName))).toEqual(
        new Set(["Confirmed", "Disputed", "False"]),
      );
      const onlyFalse = (await (await page.request.get("/api/export/claimreview.json?status=false")).json()) as { reviewRating: { alternateName: string } }[];
      expect(onlyFalse.length).toBeGreaterThan(0);
      expect(onlyFalse.every((review) => review.reviewRating.alternateName === "False")).toBe(true);
    } finally {
      await withDb((db) => db.claim.updateMany({ where: { id: { in: picked } }, data: { status: "unreviewed" } }));
    }
  });

  test("the Markdown brief carries title, as-of, state of play, discrepancies, framing and sources", async ({ page }) => {
    const title = await withDb(async (db) => (await db.issue.findUniqueOrThrow({ where: { slug: ISSUE }, select: { title: true } })).title);
    const response = await page.request.get(`/api/export/issues/${ISSUE}.md`);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toMatch(/^text\/markdown/);
    const text = await response.text();
    expect(text.startsWith(`# ${title}\n`)).toBe(true);
    expect(text).toMatch(/\*As of \d+ \w+ \d{4}, \d\d:\d\d UTC/);
    for (const heading of ["## State of play", "## Who stands where", "## Where sources disagree", "## How each source frames it", "## Sources"])
      expect(text).toContain(`\n${heading}\n`);
    expect(text).toMatch(/\*\*95%\*\*/);
    expect(text).not.toMatch(EMAIL);
    const filtered = await (await page.request.get(`/api/export/issues/${ISSUE}.md?outlet=ms-now`)).text();
    expect(filtered).toContain("*Only source: MS NOW*");
    expect((await page.request.get("/api/export/issues/no-such-issue.md")).status()).toBe(404);
  });
});

/** Reads CSV with an independent RFC 4180 parser, so the export is checked by code other than its writer's. */
function parseCsv(text: string): string[][] {
  return parse(text, { relaxColumnCount: false }) as string[][];
}
