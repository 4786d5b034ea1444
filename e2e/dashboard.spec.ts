import fs from "node:fs";
import path from "node:path";
import { expect, test } from "./fixtures/test";
import { testDb } from "./fixtures/db";
import { storageStateFor } from "./fixtures/users";

const SEED_ISSUES = (
  JSON.parse(fs.readFileSync(path.join(import.meta.dirname, "..", "seeds", "issues.json"), "utf8")) as { issues: { slug: string; title: string }[] }
).issues;

/** The seed articles bearing on an issue (a sentence or a claim tagged with it), with their outlet if known. */
async function seedSourcesCovering(slug: string) {
  const db = testDb();
  try {
    return await db.$queryRaw<{ id: string; outlet: string | null }[]>`
      SELECT DISTINCT a.id, o.name AS outlet FROM "Article" a LEFT JOIN "Outlet" o ON o.id = a."outletId"
      WHERE a.source = 'seed' AND (
        EXISTS (SELECT 1 FROM "Sentence" s WHERE s."articleId" = a.id AND ${slug} = ANY(s.issues))
        OR EXISTS (SELECT 1 FROM "Claim" c JOIN "ClaimIssue" ci ON ci."claimId" = c.id JOIN "Issue" i ON i.id = ci."issueId" WHERE c."articleId" = a.id AND i.slug = ${slug})
      )`;
  } finally {
    await db.$disconnect();
  }
}

async function withClusterId(key: string) {
  const db = testDb();
  try {
    return (await db.claimCluster.findUniqueOrThrow({ where: { key }, select: { id: true } })).id;
  } finally {
    await db.$disconnect();
  }
}

async function openIssueTitles() {
  const db = testDb();
  try {
    return (await db.issue.findMany({ where: { status: "open" }, orderBy: [{ position: "asc" }, { title: "asc" }], select: { title: true } })).map(
      (issue) => issue.title,
    );
  } finally {
    await db.$disconnect();
  }
}

test.describe("the dashboard and issue briefs", () => {
  test.use({ storageState: storageStateFor("viewer") });

  test("the dashboard matrix is a table with a row per open issue, each cell opening the issue for that source", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { name: "The story at a glance" })).toBeVisible();
    const matrix = page.getByRole("table", { name: /Open issues by source/ });
    await expect(matrix).toBeVisible();
    const titles = await openIssueTitles();
    await expect(matrix.getByRole("rowheader")).toHaveText(titles);
    await expect(matrix.getByRole("columnheader", { name: "MS NOW" })).toBeVisible();
    const cell = matrix.getByRole("link", { name: /in MS NOW: \d+% of its text, \d+ claims?/ }).first();
    await expect(cell).toBeVisible();
    await expect(page.getByRole("heading", { name: "Needs attention: where sources disagree" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Claims reported by most sources" })).toBeVisible();
    // A cluster loads the sentence in each source when opened; each links to the claim in its article.
    const reported = page.locator("section", { has: page.getByRole("heading", { name: "Claims reported by most sources" }) });
    const first = reported.getByRole("listitem").first();
    await first.locator("summary").click();
    const sentences = first.getByRole("list", { name: /Where it appears/ });
    await expect(sentences.locator("mark").first()).toBeVisible();
    expect(await sentences.getByRole("link", { name: /Open in the article/ }).count()).toBeGreaterThanOrEqual(2);
    await page.screenshot({ path: "test-results/screens/dashboard.png", fullPage: true });

    await cell.click();
    await expect(page).toHaveURL(/\/issues\/[a-z0-9-]+\?outlet=ms-now$/);
    await expect(page.getByRole("article", { name: "MS NOW" })).toBeVisible();
    await expect(page.getByRole("article")).toHaveCount(1);
  });

  test("each seed issue page shows a framing card for every seed source that covers it", async ({ page }) => {
    for (const issue of SEED_ISSUES) {
      const sources = await seedSourcesCovering(issue.slug);
      expect(sources.length, `seed articles on ${issue.slug}`).toBeGreaterThan(0);
      await page.goto(`/issues/${issue.slug}`);
      await expect(page.getByRole("heading", { level: 1, name: issue.title })).toBeVisible();
      const framing = page.locator("section", { has: page.getByRole("heading", { name: "How each source frames it" }) });
      // Each source in words first; the measures sit behind a disclosure.
      await expect(framing.getByRole("list", { name: "How each source tells it" }).getByRole("listitem")).toHaveCount(sources.length);
      await expect(framing.getByRole("heading", { name: "Voices quoted" }).first()).toBeHidden();
      await framing.locator("summary", { hasText: "Details: the measures behind" }).click();
      for (const source of sources) {
        const card = source.outlet
          ? framing.getByRole("article", { name: source.outlet })
          : framing.getByRole("article").filter({ has: page.locator(`a[href="/articles/${source.id}"]`) });
        await expect(card, `${issue.slug}: card for ${source.outlet ?? source.id}`).toHaveCount(1);
        await expect(card).toContainText(/\d+%\s*of its text/);
        await expect(card.getByRole("heading", { name: "Voices quoted" })).toBeVisible();
      }
      if (sources.length > 1) {
        // The same sources side by side, one row each, each row opening that source's own view.
        const table = framing.getByRole("table", { name: "How each source frames the issue, side by side" });
        await expect(table).toBeVisible();
        expect(await table.getByRole("row").count()).toBeGreaterThanOrEqual(sources.length + 1);
        for (const source of sources.filter((each) => each.outlet)) {
          await expect(table.getByRole("rowheader", { name: source.outlet! })).toHaveCount(1);
        }
      }
    }
  });

  test("the security-guarantees page shows the 95% / 100% discrepancy with its sources", async ({ page }) => {
    await page.goto("/issues/security-guarantees");
    const section = page.locator("section", { has: page.getByRole("heading", { name: "Where sources disagree" }) });
    const table = section.getByRole("table").filter({ has: page.getByRole("cell", { name: /^95%/ }) });
    await expect(table).toHaveCount(1);
    const low = table.getByRole("row").filter({ has: page.getByRole("cell", { name: /^95%/ }) });
    const high = table.getByRole("row").filter({ has: page.getByRole("cell", { name: /^100%/ }) });
    await expect(low).toContainText(/Trump/);
    await expect(high).toContainText(/Zelensk/);
    await expect(high.getByRole("link", { name: "MS NOW" })).toBeVisible();
    await expect(low.getByRole("link")).not.toHaveCount(0);

    await high.getByRole("link", { name: "MS NOW" }).click();
    await expect(page).toHaveURL(/\/articles\/[^#]+#claim-/);
    const claimId = new URL(page.url()).hash.slice(1);
    await expect(page.locator(`[id="${claimId}"]`)).toBeVisible();

    await page.goto("/issues/security-guarantees");
    const cluster = page
      .getByRole("listitem")
      .filter({ has: page.locator("summary", { hasText: "100%" }) })
      .first();
    await cluster.locator("summary").click();
    await expect(
      cluster
        .getByRole("list", { name: /Where it appears/ })
        .getByRole("link", { name: /Open in the article/ })
        .first(),
    ).toBeVisible();
    await page.screenshot({ path: "test-results/screens/issue-security-guarantees.png", fullPage: true });
  });

  test("the cluster API returns a cluster's claims with their sentences, and a 404 for an unknown one", async ({ page }) => {
    const brief = (await (await page.request.get("/api/issues/security-guarantees")).json()) as { clusters: { key: string; outletCount: number }[] };
    expect(brief.clusters.length).toBeGreaterThan(0);
    const clusterId = await withClusterId(brief.clusters[0]!.key);
    const response = await page.request.get(`/api/clusters/${clusterId}`);
    expect(response.status()).toBe(200);
    const { cluster } = (await response.json()) as {
      cluster: { key: string; outletCount: number; claims: { text: string; sentence: string; outlet: { name: string } }[] };
    };
    expect(cluster.key).toBe(brief.clusters[0]!.key);
    expect(cluster.claims.length).toBeGreaterThanOrEqual(Math.min(cluster.outletCount, 2));
    for (const claim of cluster.claims) expect(claim.sentence).toContain(claim.text);
    expect((await page.request.get("/api/clusters/no-such-cluster")).status()).toBe(404);
  });

  test("the cluster API pages through every claim, the sentence in every source first, and names a bad page parameter", async ({ page }) => {
    const brief = (await (await page.request.get("/api/issues/security-guarantees")).json()) as {
      clusters: { key: string; outletCount: number; claimCount: number }[];
    };
    const widest = brief.clusters.find((cluster) => cluster.claimCount > cluster.outletCount) ?? brief.clusters[0]!;
    const clusterId = await withClusterId(widest.key);
    type Page = { cluster: { claimCount: number; offset: number; nextOffset: number | null; claims: { id: string; outlet: { slug: string } }[] } };
    const claims: Page["cluster"]["claims"] = [];
    let offset: number | null = 0;
    while (offset !== null) {
      const response = await page.request.get(`/api/clusters/${clusterId}?offset=${offset}&limit=1`);
      expect(response.status()).toBe(200);
      const { cluster } = (await response.json()) as Page;
      expect(cluster.offset).toBe(offset);
      expect(cluster.claims).toHaveLength(1);
      claims.push(...cluster.claims);
      offset = cluster.nextOffset;
    }
    expect(claims).toHaveLength(widest.claimCount);
    expect(new Set(claims.map((claim) => claim.id)).size).toBe(widest.claimCount);
    const firstOfEach = claims.slice(0, widest.outletCount).map((claim) => claim.outlet.slug);
    expect(new Set(firstOfEach).size).toBe(widest.outletCount);

    for (const [query, message] of [
      ["limit=0", "limit: must be a whole number from 1 to 50"],
      ["limit=51", "limit: must be a whole number from 1 to 50"],
      ["offset=-3", "offset: must be a whole number from 0 to 100000000"],
    ]) {
      const refused = await page.request.get(`/api/clusters/${clusterId}?${query}`);
      expect(refused.status()).toBe(400);
      expect(((await refused.json()) as { error: { message: string } }).error.message).toBe(message);
    }
  });

  test("the issue API returns the brief as JSON, a 404 for an unknown slug and a 401 without a session", async ({ page, playwright }) => {
    const response = await page.request.get("/api/issues/security-guarantees");
    expect(response.status()).toBe(200);
    const body = (await response.json()) as {
      issue: { slug: string };
      clusters: { outletCount: number }[];
      discrepancies: { about: string; items: { value: string; speaker: string | null; outlet: string; claimId: string }[] }[];
      framing: { outlet: { slug: string; name: string }; coverage: { share: number }; summary: string }[];
    };
    expect(body.issue.slug).toBe("security-guarantees");
    const values = body.discrepancies.flatMap((discrepancy) => discrepancy.items.map((item) => item.value));
    expect(values).toEqual(expect.arrayContaining(["95%", "100%"]));
    expect(body.discrepancies[0]?.items[0]).toMatchObject({ value: expect.any(String), outlet: expect.any(String), claimId: expect.any(String) });
    expect(body.framing.map((entry) => entry.outlet.name)).toContain("MS NOW");
    expect(body.framing.every((entry) => entry.summary.length > 0 && entry.coverage.share >= 0)).toBe(true);

    const missing = await page.request.get("/api/issues/no-such-issue");
    expect(missing.status()).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { code: "not_found" } });

    const anonymous = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL, storageState: { cookies: [], origins: [] } });
    const refused = await anonymous.get("/api/issues/security-guarantees", { maxRedirects: 0 });
    expect(refused.status()).toBe(401);
    await anonymous.dispose();
  });

  test("filters are URL parameters, so a filtered view can be bookmarked", async ({ page }) => {
    await page.goto("/issues/donbas");
    const form = page.getByRole("form", { name: /Filter/ });
    await form.getByLabel("Kind of claim").selectOption("quote");
    await form.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/kind=quote/);
    await page.reload();
    await expect(page.getByRole("form", { name: /Filter/ }).getByLabel("Kind of claim")).toHaveValue("quote");
    await expect(page.getByRole("link", { name: "Clear filters" })).toBeVisible();
  });

  test("an unknown issue is a 404 page, and a viewer cannot edit issues", async ({ page }) => {
    const response = await page.goto("/issues/no-such-issue");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "No such issue" })).toBeVisible();
    await page.goto("/issues/donbas/edit");
    await expect(page).toHaveURL(/\/\?denied=1$/);
    await page.goto("/issues/donbas");
    await expect(page.getByRole("link", { name: "Edit issue" })).toHaveCount(0);
  });
});

test.describe("editing issues as an admin", () => {
  test.use({ storageState: storageStateFor("admin") });

  test("an admin creates an issue and edits its lexicon, and the articles are re-tagged", async ({ page }) => {
    const title = `Venue ${Date.now().toString(36)}`;
    await page.goto("/issues");
    await page.getByRole("link", { name: "New issue" }).click();
    await page.getByLabel("Title").fill(title);
    await page.getByLabel("Description").fill("Where the talks were held.");
    await page.getByLabel("Lexicon phrases").fill("Mar-a-Lago\n\nmar-a-lago");
    await page.getByRole("button", { name: "Create issue" }).click();

    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible({ timeout: 30_000 });
    await page.locator("summary", { hasText: /^Lexicon$/ }).click();
    await expect(page.getByText(/^\s*Mar-a-Lago\s*$/)).toBeVisible();
    const framing = page.locator("section", { has: page.getByRole("heading", { name: "How each source frames it" }) });
    const described = framing.getByRole("list", { name: "How each source tells it" }).getByRole("listitem");
    await expect(described.first()).toBeVisible();
    const covered = await described.count();
    expect(covered).toBeGreaterThan(0);

    await page.getByRole("link", { name: "Edit issue" }).click();
    await expect(page.getByLabel("Lexicon phrases")).toHaveValue("Mar-a-Lago");
    await page.getByLabel("Lexicon phrases").fill("");
    await page.getByRole("button", { name: "Save issue" }).click();
    await expect(page.getByRole("status")).toHaveText("Check the highlighted fields.");
    await expect(page.getByText("Add at least one lexicon phrase, one per line.")).toBeVisible();
    await expect(page.getByLabel("Lexicon phrases")).toHaveAccessibleDescription(/Add at least one lexicon phrase/);

    await page.getByLabel("Lexicon phrases").fill("no article mentions this phrase zzqv");
    await page.getByRole("radio", { name: "Resolved" }).check();
    await page.screenshot({ path: "test-results/screens/issue-edit.png", fullPage: true });
    await page.getByRole("button", { name: "Save issue" }).click();
    await page.locator("summary", { hasText: /^Lexicon$/ }).click({ timeout: 30_000 });
    await expect(page.getByText(/^\s*no article mentions this phrase zzqv\s*$/)).toBeVisible({ timeout: 30_000 });
    await expect(page.getByText("Resolved", { exact: true })).toBeVisible();
    await expect(page.getByText("No source covers this issue yet.")).toBeVisible();
    await expect(page.getByText(/^0 claims in 0 articles/)).toBeVisible();

    await page.goto("/");
    await expect(page.getByRole("table", { name: /Open issues by source/ }).getByRole("rowheader", { name: title })).toHaveCount(0);
  });
});

test.describe("a claim reported by more sources than a cluster shows at first", () => {
  test.use({ storageState: storageStateFor("editor") });

  test("opening the cluster shows twelve sources, and Show more the rest", async ({ page }) => {
    // It stores 13 articles and waits for the analysis to take them in.
    test.slow();
    const run = Date.now().toString(36);
    const slug = `harbour-tolls-${run}`;
    // The same quote in every source, with its figure: a statement or a figure cluster, by its label.
    const TOLL = /(four|4) crowns/;
    const db = testDb();
    try {
      await db.issue.create({ data: { slug, title: `Harbour tolls ${run}`, phrases: ["harbour toll"], exclusions: [] } });
      const sources = Array.from({ length: 13 }, (_, index) => `Quay Wire ${run} ${index + 1}`);
      for (const [index, outlet] of sources.entries()) {
        const body = [
          `Calderhaven — The port will keep its harbour toll unchanged through the winter, its board decided on a vote of ${index + 3} to 2.`,
          "“The harbour toll will stay at four crowns until the spring,” said Mara Lind, the port director.",
          `Ferry operators on berth ${index + 11} had asked for a rebate after ${index + 4} cancelled sailings in the autumn storms.`,
        ].join("\n\n");
        const response = await page.request.post("/api/articles", {
          data: { body, outlet, title: `Harbour toll holds (${index + 1})`, publishedAt: "2026-11-02", force: true },
        });
        expect(response.status(), await response.text()).toBe(201);
      }
      // The analysis runs after the articles are stored, in a process of its own.
      await expect
        .poll(
          async () => {
            const brief = (await (await page.request.get(`/api/issues/${slug}`)).json()) as { clusters?: { label: string; outletCount: number }[] };
            return brief.clusters?.find((cluster) => TOLL.test(cluster.label))?.outletCount ?? 0;
          },
          { timeout: 60_000, intervals: [1_000] },
        )
        .toBe(13);

      await page.goto(`/issues/${slug}`);
      await page.locator("summary", { hasText: TOLL }).click();
      const members = page.getByRole("list", { name: /^Where it appears: .*(four|4) crowns/ });
      await expect(members.getByRole("link", { name: /^Open in the article/ })).toHaveCount(12);
      const more = members.getByRole("button", { name: "Show more (1 claim not shown)" });
      await more.click();
      await expect(members.getByRole("link", { name: /^Open in the article/ })).toHaveCount(13);
      await expect(more).toHaveCount(0);
      const shown = await members.locator(".source strong").allTextContents();
      expect([...shown].sort()).toEqual([...sources].sort());
      await expect(members.locator("mark").first()).toHaveText("“The harbour toll will stay at four crowns until the spring,”");
      await page.screenshot({ path: "test-results/screens/cluster-more.png", fullPage: true });
    } finally {
      // Out of the dashboards of the tests that follow.
      await db.issue.update({ where: { slug }, data: { status: "resolved" } });
      await db.$disconnect();
    }
  });
});
