import { parse } from "csv-parse/sync";
import { expect, test } from "./fixtures/test";
import { testDb } from "./fixtures/db";
import { E2E_USERS, storageStateFor } from "./fixtures/users";

test.describe("small things", () => {
  test("a notification previews a note as plain text, not Markdown", async ({ browser }) => {
    const db = testDb();
    const claim = await db.claim.findFirstOrThrow({ orderBy: { id: "asc" }, select: { id: true } });
    await db.$disconnect();
    const editor = await browser.newContext({ storageState: storageStateFor("editor") });
    const page = await editor.newPage();
    const viewerHandle = E2E_USERS.viewer.email.split("@")[0];
    const note = await page.request.post("/api/notes", {
      data: { target: { type: "claim", id: claim.id }, body: `**Check** the _second_ figure in [the wire copy](https://example.test/wire) @${viewerHandle}` },
    });
    expect(note.status()).toBe(201);
    await editor.close();

    const viewer = await browser.newContext({ storageState: storageStateFor("viewer") });
    const reader = await viewer.newPage();
    await reader.goto("/notifications");
    const preview = reader.getByText("Check the second figure in the wire copy").first();
    await expect(preview).toBeVisible();
    await expect(reader.getByText("**Check**")).toHaveCount(0);
    await viewer.close();
  });

  test("the claims CSV comes in reading order: by article date, then position in the article", async ({ browser }) => {
    const context = await browser.newContext({ storageState: storageStateFor("viewer") });
    const response = await context.request.get("/api/export/claims.csv");
    expect(response.status()).toBe(200);
    const rows = parse(await response.text(), { columns: true }) as Record<string, string>[];
    expect(rows.length).toBeGreaterThan(5);
    const db = testDb();
    const claims = await db.claim.findMany({ select: { id: true, start: true, articleId: true, article: { select: { publishedAt: true } } } });
    await db.$disconnect();
    const byId = new Map(claims.map((claim) => [claim.id, claim]));
    const idColumn = Object.keys(rows[0]!).find((key) => /^(claim_?)?id$/i.test(key))!;
    const keys = rows
      .map((row) => byId.get(row[idColumn]!)!)
      .map((claim) => [claim.article.publishedAt?.getTime() ?? Number.MAX_SAFE_INTEGER, claim.articleId, claim.start] as const);
    const sorted = [...keys].sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0) || a[2] - b[2]);
    expect(keys).toEqual(sorted);
    await context.close();
  });
});
