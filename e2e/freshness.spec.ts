import { expect, test } from "./fixtures/test";
import { env } from "@/lib/env";
import { Jobs } from "@/lib/jobs/queue";
import { queueStaleDerivation } from "@/lib/jobs/stale";
import { PIPELINE_VERSION } from "@/lib/nlp/version";
import { testDb } from "./fixtures/db";
import { uniqueWord } from "./fixtures/unique";
import { storageStateFor } from "./fixtures/users";

test.describe("freshness", () => {
  test.use({ storageState: storageStateFor("editor") });

  test("GET /api/analysis answers the state to a logged-in user and 401 JSON to anyone else", async ({ page, playwright, baseURL }) => {
    const response = await page.request.get("/api/analysis");
    expect(response.status()).toBe(200);
    const body = (await response.json()) as { state: string; version: string; startedAt: string | null; finishedAt: string | null };
    expect(["idle", "queued", "running"]).toContain(body.state);
    expect(body.version).toMatch(/^\d+$/);
    const anonymous = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
    const refused = await anonymous.get("/api/analysis");
    expect(refused.status()).toBe(401);
    expect(await refused.json()).toMatchObject({ error: { code: expect.any(String) } });
    await anonymous.dispose();
  });

  test("after an ingest the dashboard says “Updating…”, then refreshes itself with the new article", async ({ page }) => {
    await page.goto("/");
    const counts = page.getByText(/\d+ articles? from \d+ sources?/).first();
    const before = Number.parseInt((await counts.innerText()).match(/(\d+) articles?/)![1]!, 10);

    await page.goto("/articles/new");
    await page
      .getByLabel("Article text")
      .fill(
        `Ferry crews on the northern route said on Thursday that the ceasefire between the two unions would hold until the spring (${uniqueWord()}).\n\n"We will keep the boats running," said Lina Oster, who speaks for the crews.`,
      );
    await page.getByRole("button", { name: "Continue" }).click();
    await page.getByLabel("Outlet").fill("Northern Route Bulletin");
    await page.getByRole("button", { name: "Save article" }).click();
    await expect(page.getByRole("list", { name: "Results" })).toContainText(/stored with \d+ claims/);

    await page.goto("/");
    const region = page.getByTestId("analysis-status");
    await expect(region).toHaveAttribute("aria-live", "polite");
    const notice = region.getByText("Updating…");
    await expect(notice).toBeVisible();
    await page.screenshot({ path: "test-results/screens/updating.png" });
    await expect(notice).toBeHidden({ timeout: 45_000 });
    await expect(page.getByText(new RegExp(`${before + 1} articles from`)).first()).toBeVisible();
    const state = (await (await page.request.get("/api/analysis")).json()) as { state: string; finishedAt: string };
    expect(state.state).toBe("idle");
    expect(state.finishedAt).not.toBeNull();
  });

  test("after a pipeline update the articles derived before it are derived again, while pages say “Updating…”", async ({ page }) => {
    const db = testDb();
    const jobs = await Jobs.open({ databaseUrl: env().DATABASE_URL! });
    try {
      const article = await db.article.findFirstOrThrow({ orderBy: { charCount: "asc" }, select: { id: true } });
      await page.goto("/");
      const region = page.getByTestId("analysis-status");
      await expect(region.getByText("Updating…")).toBeHidden();
      // As a worker does when it starts on a newer pipeline than the one that derived an article.
      await db.article.update({ where: { id: article.id }, data: { pipelineVersion: PIPELINE_VERSION - 1 } });
      expect((await queueStaleDerivation(db, jobs)).articles).toBe(1);
      const notice = region.getByText("Updating…");
      await expect(notice).toBeVisible();
      await expect(notice).toBeHidden({ timeout: 60_000 });
      expect((await db.article.findUniqueOrThrow({ where: { id: article.id } })).pipelineVersion).toBe(PIPELINE_VERSION);
    } finally {
      await jobs.stop();
      await db.$disconnect();
    }
  });

  test("a run over changes the page already shows does not say “Updating…”, and the page still takes its result", async ({ page }) => {
    await page.goto("/");
    const shown = (await (await page.request.get("/api/analysis")).json()) as { state: string; coveredAt: string | null; version: string };
    expect(shown.state).toBe("idle");
    expect(shown.coveredAt).not.toBeNull();
    // A job whose requests are all older than the analysis the page shows (a retry, or another instance's
    // duplicate request): the worker runs it, but it brings the page nothing newer.
    const jobs = await Jobs.open({ databaseUrl: env().DATABASE_URL! });
    try {
      const id = await jobs.enqueueAnalysis({ kind: "full" });
      await jobs.boss
        .getDb()
        .executeSql(`UPDATE ${jobs.schema}.job SET data = jsonb_set(data, '{requestedAt}', to_jsonb($2::timestamptz - interval '1 second')) WHERE id = $1`, [
          id,
          shown.coveredAt,
        ]);
    } finally {
      await jobs.stop();
    }
    const region = page.getByTestId("analysis-status");
    const seen = new Set<string>();
    let noticeShown = false;
    await expect
      .poll(
        async () => {
          const now = (await (await page.request.get("/api/analysis")).json()) as { state: string; version: string };
          seen.add(now.state);
          if ((await region.getByText("Updating…").count()) > 0) noticeShown = true;
          return seen.has("idle") && seen.size > 1 && now.state === "idle" && now.version !== shown.version;
        },
        { timeout: 45_000, intervals: [100] },
      )
      .toBe(true);
    expect(seen.has("running"), "the job ran while the page was open").toBe(true);
    expect(noticeShown, "no “Updating…” while it ran").toBe(false);
    // Its version is new: the page refreshes to it by itself, still without the notice.
    await expect(page.getByTestId("analysis-status")).toHaveText("");
  });
});
