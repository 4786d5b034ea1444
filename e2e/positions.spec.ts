import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "./fixtures/test";
import { testDb } from "./fixtures/db";
import { storageStateFor } from "./fixtures/users";

const SEED_ISSUES = (
  JSON.parse(fs.readFileSync(path.join(import.meta.dirname, "..", "seeds", "issues.json"), "utf8")) as { issues: { slug: string; title: string }[] }
).issues;

/** Claims the issue page lists at once. */
const PAGE = 10;

/** Claims on an issue an editor has not marked "not a claim": what the issue's claim list pages through. */
async function claimCount(slug: string): Promise<number> {
  const db = testDb();
  try {
    return await db.claim.count({ where: { status: { not: "not_a_claim" }, issues: { some: { issue: { slug } } } } });
  } finally {
    await db.$disconnect();
  }
}

/** Full-page screenshots at 1440 and 390 px wide, and of each named section, for looking at. */
async function screens(page: Page, name: string, sections: string[] = []) {
  for (const width of [1440, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `test-results/screens/${name}-${width}.png`, fullPage: true });
    for (const [index, heading] of sections.entries()) {
      await page
        .locator("section", { has: page.getByRole("heading", { level: 2, name: heading }) })
        .screenshot({ path: `test-results/screens/${name}-${width}-${index + 1}.png` });
    }
  }
  await page.setViewportSize({ width: 1280, height: 720 });
}

test.describe("positions on issue pages and the dashboard", () => {
  test.use({ storageState: storageStateFor("viewer") });

  test("each seed issue page shows at least two actors with their quotes and the sources carrying them, and lists every claim a page at a time", async ({
    page,
  }) => {
    for (const issue of SEED_ISSUES) {
      await page.goto(`/issues/${issue.slug}`);
      await expect(page.getByRole("heading", { level: 1, name: issue.title })).toBeVisible();
      const actors = page.getByRole("list", { name: "Positions by actor" }).locator(":scope > li");
      expect(await actors.count(), `${issue.slug}: actors`).toBeGreaterThanOrEqual(2);
      for (const actor of [actors.nth(0), actors.nth(1)]) {
        await expect(actor.getByRole("heading", { level: 3 })).not.toBeEmpty();
        await expect(actor).toContainText(/\d+ sources?:/);
        await expect(actor).toContainText(/first reported \d+ \w+ \d{4}|date unknown/);
        // Each source carrying a claim links to the issue narrowed to it (or to the article when its outlet is unknown).
        await expect(actor.locator('a[href*="?outlet="], a[href^="/articles/"]').first()).toBeVisible();
      }
      await expect(page.getByRole("list", { name: "Positions by actor" }).getByText("Quote", { exact: true }).first()).toBeVisible();
      await expect(page.getByRole("list", { name: "Positions by actor" }).locator("p.font-serif").first()).toContainText(/“.+”/);

      const total = await claimCount(issue.slug);
      const claims = page.getByRole("list", { name: "Claims on this issue" }).getByRole("listitem");
      await expect(claims).toHaveCount(Math.min(total, PAGE));
      await expect(page.getByText(new RegExp(`^1–${Math.min(total, PAGE)} of ${total} claims?, newest articles first\\.$`))).toBeVisible();
      if (total > PAGE) {
        await page.getByRole("navigation", { name: "Pages of claims" }).getByRole("link", { name: "Next page" }).click();
        await expect(page.getByText(`Page 2 of ${Math.ceil(total / PAGE)}`)).toBeVisible();
        await expect(claims).toHaveCount(Math.min(total - PAGE, PAGE));
      }
    }
  });

  test("the issue's claims narrow by speaker and review status, and open the review queue with the same filters", async ({ page }) => {
    await page.goto("/issues/donbas");
    const first = page.getByRole("list", { name: "Positions by actor" }).locator(":scope > li").first();
    const actor = (await first.getByRole("heading", { level: 3 }).textContent())!.trim();
    await page
      .getByRole("form", { name: /Filter Donbas/i })
      .getByLabel("Speaker")
      .selectOption({ label: actor });
    await page
      .getByRole("form", { name: /Filter Donbas/i })
      .getByRole("button", { name: "Apply filters" })
      .click();
    await expect(page).toHaveURL(/speaker=/);
    const claims = page.getByRole("list", { name: "Claims on this issue" }).getByRole("listitem");
    await expect(claims.first()).toBeVisible();
    for (const text of await claims.allTextContents()) expect(text).toContain(actor);
    await expect(page.getByRole("list", { name: "Positions by actor" }).locator(":scope > li")).toHaveCount(1);

    await page.getByRole("combobox", { name: "Review status" }).selectOption("confirmed");
    await page.getByRole("button", { name: "Show" }).click();
    await expect(page).toHaveURL(/status=confirmed/);
    await expect(page).toHaveURL(/speaker=/);
    await expect(page.getByText("No claim on this issue matches.")).toBeVisible();
    await page.getByRole("link", { name: "Review these in the queue" }).click();
    await expect(page).toHaveURL(/\/claims\?issue=donbas&speaker=[^&]+&status=confirmed/);
  });

  test("an actor named under the cards opens onto their own position card and claims", async ({ page }) => {
    let found = false;
    for (const issue of SEED_ISSUES) {
      await page.goto(`/issues/${issue.slug}`);
      const also = page.getByText(/^Also on the issue \(\d+\):/).locator("..");
      if ((await also.count()) === 0) continue;
      found = true;
      const link = also.getByRole("link").last();
      const actor = (await link.textContent())!.trim();
      const [, count] = /\(([\d,]+) claims?\)/.exec((await link.locator("..").textContent())!)!;
      await link.click();
      await expect(page).toHaveURL(/speaker=/);
      const cards = page.getByRole("list", { name: "Positions by actor" }).locator(":scope > li");
      await expect(cards).toHaveCount(1);
      await expect(cards.first().getByRole("heading", { level: 3 })).toHaveText(actor);
      await expect(cards.first().locator("p.meta").first()).toContainText(`${count} claim`);
      await expect(cards.first().locator("ol > li").first()).toBeVisible();
      break;
    }
    expect(found, "a seed issue with more than four actors").toBe(true);
  });

  test("with a speaker chosen, “Who stands where” says whether they are on the issue at all or only not within the other filters", async ({ page }) => {
    await page.goto("/issues/donbas");
    const first = page.getByRole("list", { name: "Positions by actor" }).locator(":scope > li").first();
    const actor = (await first.getByRole("heading", { level: 3 }).textContent())!.trim();
    const filter = page.getByRole("form", { name: /Filter Donbas/i });
    const options = await filter
      .getByLabel("Speaker")
      .locator("option")
      .evaluateAll((nodes) => nodes.map((node) => ({ value: (node as HTMLOptionElement).value, label: node.textContent ?? "" })));
    const slug = options.find((option) => option.label.trim() === actor)!.value;
    await page.goto(`/issues/donbas?speaker=${slug}&from=2999-01-01`);
    await expect(page.getByText("Nothing this speaker is quoted or reported saying on the issue matches the other filters")).toBeVisible();
    let absent = false;
    for (const option of options.filter((each) => each.value)) {
      await page.goto(`/issues/donbas?speaker=${option.value}`);
      if ((await page.getByText("No claim on this issue matches.").count()) === 0) continue;
      absent = true;
      await expect(page.getByRole("list", { name: "Positions by actor" })).toHaveCount(0);
      await expect(page.getByText("This speaker is not quoted or reported on this issue.")).toBeVisible();
      break;
    }
    expect(absent, "a speaker with nothing on the issue").toBe(true);
  });

  test("an actor's further claims are a click away: the issue's claims narrowed to them", async ({ page }) => {
    let found = false;
    for (const issue of SEED_ISSUES) {
      await page.goto(`/issues/${issue.slug}`);
      const more = page.getByRole("list", { name: "Positions by actor" }).getByRole("link", { name: /^\d+ more claims? by / });
      if ((await more.count()) === 0) continue;
      found = true;
      const [, shown, actor] = /^(\d+) more claims? by (.+)$/.exec((await more.first().textContent())!.trim())!;
      const card = page.getByRole("list", { name: "Positions by actor" }).locator(":scope > li", { has: page.getByRole("heading", { level: 3, name: actor }) });
      const [, all] = /^([\d,]+) claims? on the issue/.exec((await card.locator("p.meta").first().textContent())!.trim())!;
      const inFull = await card.locator("ol > li").count();
      expect(inFull).toBeLessThanOrEqual(2);
      expect(Number(shown)).toBe(Number(all!.replace(/,/g, "")) - inFull);
      await more.first().click();
      await expect(page).toHaveURL(new RegExp(`/issues/${issue.slug}\\?speaker=[^&#]+#claims-heading$`));
      await expect(page.getByRole("form", { name: new RegExp(`Filter ${issue.title}`) }).getByLabel("Speaker")).toHaveValue(/.+/);
      const claims = page.getByRole("list", { name: "Claims on this issue" }).getByRole("listitem");
      await expect(claims.first()).toBeVisible();
      for (const text of await claims.allTextContents()) expect(text).toContain(actor);
      const [, listed] = /of ([\d,]+) claims?/.exec((await page.getByText(/ of [\d,]+ claims?, newest articles first/).textContent())!)!;
      expect(Number(listed!.replace(/,/g, ""))).toBeGreaterThanOrEqual(Number(shown) + inFull);
      break;
    }
    expect(found, "a seed issue with an actor who has more than two claims on it").toBe(true);
  });

  test("a claim carried by many sources names two and lists every one when asked", async ({ page }) => {
    let found = false;
    for (const issue of SEED_ISSUES) {
      await page.goto(`/issues/${issue.slug}`);
      const positions = page.getByRole("list", { name: "Positions by actor" });
      const more = positions.locator("summary", { hasText: /^and \d+ more$/ });
      if ((await more.count()) === 0) continue;
      found = true;
      // The claim's line: its kind, "N sources: A, B", the disclosure, when first reported.
      const line = more.first().locator("xpath=../..");
      const [, total] = /(\d+) sources:/.exec((await line.textContent())!)!;
      const named = await line.locator('a[href*="?outlet="], a[href^="/articles/"]').allTextContents();
      expect(named).toHaveLength(2);
      await expect(line.getByRole("list", { name: "Every source carrying it" })).toHaveCount(0);
      await more.first().click();
      const every = line.getByRole("list", { name: "Every source carrying it" });
      await expect(every).toBeVisible();
      const sources = every.getByRole("link");
      expect(await sources.count()).toBeGreaterThanOrEqual(Number(total));
      const names = (await sources.allTextContents()).map((name) => name.trim());
      for (const name of named) expect(names).toContain(name.trim());
      await expect(sources.first()).toHaveAttribute("href", /^\/articles\/[^#]+#claim-/);
      await sources.first().click();
      await expect(page).toHaveURL(/\/articles\/[^#]+#claim-/);
      break;
    }
    expect(found, "a seed issue with a claim carried by more than two sources").toBe(true);
  });

  test("framing reads as words, with the statistics and the lexicon behind disclosures", async ({ page }) => {
    await page.goto("/issues/security-guarantees");
    const framing = page.locator("section", { has: page.getByRole("heading", { name: "How each source frames it" }) });
    const lines = framing.getByRole("list", { name: "How each source tells it" }).getByRole("listitem");
    await expect(lines.first()).toContainText(/(Leads with|Gives voice to|Tells it in its own voice|Quotes only)/);
    // The measures: a card per source, or a side-by-side table once more than six sources cover the issue.
    const measures = framing
      .getByRole("heading", { name: "Distinctive terms" })
      .first()
      .or(framing.getByRole("table", { name: /side by side/ }))
      .first();
    await expect(measures).toBeHidden();
    await framing.locator("summary", { hasText: "Details: the measures behind" }).click();
    await expect(measures).toBeVisible();
    const lexicon = page.locator("details", { has: page.locator("summary", { hasText: /^Lexicon$/ }) });
    await expect(lexicon.locator("span").first()).toBeHidden();
    await lexicon.locator("summary").click();
    await expect(lexicon.locator("span").first()).not.toBeEmpty();
    await expect(lexicon.locator("span").first()).toBeVisible();

    const disagree = page.locator("section", { has: page.getByRole("heading", { name: "Where sources disagree" }) });
    await expect(disagree.getByRole("heading", { name: "Contrasting positions" })).toBeVisible();
    await expect(disagree.getByRole("heading", { name: "What each source leaves out" })).toBeVisible();
    await expect(disagree.getByRole("list", { name: "What each source leaves out" })).toContainText(/Does not quote/);
    await screens(page, "issue-positions", ["Who stands where", "Where sources disagree", "How each source frames it", "Every claim on this issue"]);
  });

  test("no issue page says nothing disagrees without showing where each actor stands", async ({ page }) => {
    for (const issue of SEED_ISSUES) {
      await page.goto(`/issues/${issue.slug}`);
      const disagree = page.locator("section", { has: page.getByRole("heading", { name: "Where sources disagree" }) });
      const pairs = await disagree.getByRole("list", { name: "Contrasting positions" }).count();
      const figures = await disagree.getByText("Figures disagree").count();
      if (pairs === 0 && figures === 0) {
        // Nothing found to disagree: the section shows where each actor stands instead of an empty list.
        expect(await disagree.getByRole("list", { name: "Where each actor stands" }).getByRole("listitem").count()).toBeGreaterThanOrEqual(2);
      }
      await expect(page.getByRole("list", { name: "Positions by actor" })).toBeVisible();
    }
  });

  test("the dashboard shows who said what on each issue, each cell the actor's most reported claim", async ({ page }) => {
    await page.goto("/");
    const matrix = page.getByRole("table", { name: /Who said what on each issue/ });
    await expect(matrix).toBeVisible();
    for (const issue of SEED_ISSUES) await expect(matrix.getByRole("columnheader", { name: issue.title })).toBeVisible();
    expect(await matrix.getByRole("rowheader").count()).toBeGreaterThanOrEqual(2);
    await expect(matrix.getByRole("rowheader", { name: /Trump/ })).toBeVisible();
    const cell = matrix.locator('a[href^="/claims/"]').first();
    await expect(cell).toBeVisible();
    await expect(matrix.getByText(/^\d+ sources?: /).first()).toBeVisible();
    // What needs attention includes contrasting positions, face to face, with why they were paired.
    const attention = page.locator("section", { has: page.getByRole("heading", { name: "Needs attention: where sources disagree" }) });
    await expect(attention.getByRole("list", { name: "Contrasting positions" }).first()).toContainText("Why paired:");
    // On a phone the same table reflows into one card per actor: its name, then each issue it spoke on,
    // named above the claim (hidden on a wide screen, where the column says it); nothing scrolls sideways.
    await expect(matrix.locator("td .issue").first()).toBeHidden();
    await page.setViewportSize({ width: 390, height: 900 });
    const card = matrix.getByRole("row").filter({ has: page.getByRole("rowheader", { name: /Trump/ }) });
    const box = (await card.boundingBox())!;
    expect(box.width).toBeLessThanOrEqual(390);
    const spoken = card
      .getByRole("cell")
      .filter({ has: page.locator('a[href^="/claims/"]') })
      .first();
    await expect(spoken.locator(".issue")).toBeVisible();
    expect(SEED_ISSUES.map((issue) => issue.title)).toContain((await spoken.locator(".issue").textContent())!.trim());
    await expect(spoken.locator('a[href^="/claims/"]')).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screens(page, "dashboard-actors", ["Who said what on each issue"]);
    await cell.click();
    await expect(page).toHaveURL(/\/claims\/[^/]+$/);
  });
});

test.describe("dismissing a contrast", () => {
  test.use({ storageState: storageStateFor("editor") });

  test("an editor dismisses wrongly paired contrasts; they stay gone, and with none left the section shows where each actor stands", async ({ page }) => {
    let slug: string | undefined;
    let whys: string[] = [];
    for (const issue of SEED_ISSUES) {
      const body = (await (await page.request.get(`/api/issues/${issue.slug}`)).json()) as { contrasts: { why: string }[]; discrepancies: unknown[] };
      if (body.contrasts.length > 0 && body.discrepancies.length === 0) {
        slug = issue.slug;
        whys = body.contrasts.map((contrast) => contrast.why);
        break;
      }
    }
    expect(slug, "a seed issue with contrasting pairs and no disagreeing figures").toBeDefined();
    await page.goto(`/issues/${slug}`);
    const pairs = page.getByRole("list", { name: "Contrasting positions" }).getByRole("listitem");
    // The first three pairs are shown; the others behind "Show all".
    await expect(pairs).toHaveCount(Math.min(whys.length, 3));
    if (whys.length > 3) {
      await page.getByRole("link", { name: `Show all ${whys.length} contrasting pairs` }).click();
      await expect(page).toHaveURL(/pairs=all/);
      await expect(pairs).toHaveCount(whys.length);
    }
    for (const why of whys) {
      const pair = pairs.filter({ hasText: why }).first();
      await expect(pair.getByText("Why paired:")).toBeVisible();
      await pair.getByRole("button", { name: "Dismiss this pair" }).click();
      await expect(pairs.filter({ hasText: why })).toHaveCount(0);
    }
    await page.reload();
    await expect(page.getByRole("heading", { name: "Contrasting positions" })).toBeVisible();
    await expect(page.getByRole("list", { name: "Contrasting positions" })).toHaveCount(0);
    const stances = page.getByRole("list", { name: "Where each actor stands" }).getByRole("listitem");
    expect(await stances.count()).toBeGreaterThanOrEqual(2);
    await expect(stances.first()).toContainText(/\d+ sources?:/);
    const body = (await (await page.request.get(`/api/issues/${slug}`)).json()) as { contrasts: unknown[] };
    expect(body.contrasts).toEqual([]);
  });
});
