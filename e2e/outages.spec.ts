import { expect, test, type APIRequestContext, type Page } from "./fixtures/test";
import pg from "pg";
import { assertTestDatabase } from "@/tests/support/test-db";
import { env } from "@/lib/env";
import { storageStateFor } from "./fixtures/users";

/**
 * What a reader sees when the database fails, made to happen for real on the end-to-end server's own
 * throwaway database: PostgreSQL stops taking connections and ends the ones it has (as in a restart or a
 * failover), or ends one connection in the middle of a page's query (as an administrator or a failover
 * does). Nothing in the app is told about it.
 */

test.use({ storageState: storageStateFor("viewer") });
test.describe.configure({ mode: "serial" });

/** A connection to the server's throwaway database, or to its server's maintenance database (`postgres`) to change that database. */
async function connect(database?: "postgres"): Promise<pg.Client> {
  const url = new URL(assertTestDatabase(env().DATABASE_URL));
  if (database) url.pathname = `/${database}`;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  return client;
}

/** Waits until no analysis run is under way, so an outage does not cut one short. */
async function analysisIdle(request: APIRequestContext) {
  await expect.poll(async () => ((await (await request.get("/api/analysis")).json()) as { state: string }).state, { timeout: 60_000 }).toBe("idle");
}

test("while the database takes no connections, pages and the API answer 503 saying so, and the page comes back by itself", async ({ page }) => {
  await analysisIdle(page.request);
  const admin = await connect("postgres");
  const name = decodeURIComponent(new URL(assertTestDatabase(env().DATABASE_URL)).pathname.slice(1));
  const database = pg.escapeIdentifier(name);
  try {
    await page.goto("/claims");
    await expect(page.getByRole("heading", { name: "Review queue", level: 1 })).toBeVisible();

    await admin.query(`ALTER DATABASE ${database} ALLOW_CONNECTIONS false`);
    await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1", [name]);

    // Until the server's watch on the database notices (within a second or two), a request that gets in
    // fails its session check: that is a 503 database_unavailable too, never a 401.
    const deadline = Date.now() + 20_000;
    for (let message = ""; message !== "the database is not reachable; retrying";) {
      expect(Date.now(), "the server never said the database is not reachable").toBeLessThan(deadline);
      const api = await page.request.get("/api/claims");
      const body = (await api.json()) as { error?: { code: string; message: string } };
      expect([api.status(), body.error?.code]).toEqual([503, "database_unavailable"]);
      message = body.error!.message;
    }

    const response = await page.goto("/claims");
    expect(response?.status()).toBe(503);
    expect(response?.headers()["retry-after"]).toBe("5");
    await expect(page.getByRole("heading", { name: "The database is not reachable", level: 1 })).toBeVisible();
    await expect(
      page.getByText(/Briefing cannot reach its database \(since \d\d:\d\d:\d\d UTC\) and keeps retrying; nothing you have saved is lost/),
    ).toBeVisible();
    await expect(page.getByText("This page reloads by itself every 5 seconds.")).toBeVisible();

    const status = await page.request.get("/status", { headers: { accept: "text/html" } });
    expect(status.status()).toBe(503);
    expect(await status.text()).toContain("Briefing is running, but its database is not reachable");
  } finally {
    await admin.query(`ALTER DATABASE ${database} ALLOW_CONNECTIONS true`);
    await admin.end();
  }
  // No reload from the test: the 503 page reloads itself, and the server lets it through once the database answers.
  await expect(page.getByRole("heading", { name: "Review queue", level: 1 })).toBeVisible({ timeout: 30_000 });
  expect((await page.request.get("/api/ping")).status()).toBe(200);
});

/**
 * Loads `path` while `table` is held, so the page's query of it waits; then ends the connection that
 * waits, as a failover or an administrator would. Returns the page's response.
 */
async function cutOffWhileLoading(page: Page, path: string, table: string) {
  const holder = await connect();
  const operator = await connect();
  try {
    await holder.query("BEGIN");
    await holder.query(`LOCK TABLE ${pg.escapeIdentifier(table)} IN ACCESS EXCLUSIVE MODE`);
    const holderPid = ((await holder.query("SELECT pg_backend_pid() AS pid")).rows[0] as { pid: number }).pid;
    const shown = page.goto(path);
    await expect
      .poll(
        async () =>
          (
            await operator.query(
              "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> $1",
              [holderPid],
            )
          ).rowCount,
        { timeout: 20_000 },
      )
      .toBeGreaterThan(0);
    await holder.query("ROLLBACK");
    return await shown;
  } finally {
    await holder.end();
    await operator.end();
  }
}

test("a page whose query is cut off shows the error page with a 500, and Try again shows the page", async ({ page }) => {
  await analysisIdle(page.request);
  const articles = (await (await page.request.get("/api/articles?limit=1")).json()) as { items: { id: string }[] };
  const id = articles.items[0]!.id;
  await page.goto(`/articles/${id}`);
  const title = await page.getByRole("heading", { level: 1 }).textContent();

  // The table of article edits is read by the article page alone.
  const response = await cutOffWhileLoading(page, `/articles/${id}`, "ArticleEdit");
  expect(response?.status()).toBe(500);
  const alert = page.getByRole("alert").filter({ has: page.getByRole("heading", { name: "This page could not be shown" }) });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText(/Reference for your administrator: \d+/);
  await alert.getByRole("button", { name: "Try again" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title!);
  await expect(alert).toHaveCount(0);
});

test("a session check cut off is an error, not a logout: the status page shows its error page with a 500, and Try again shows it", async ({ page }) => {
  await analysisIdle(page.request);
  const response = await cutOffWhileLoading(page, "/status", "LoginSession");
  expect(response?.status()).toBe(500);
  await expect(page).toHaveURL(/\/status$/);
  const alert = page.getByRole("alert").filter({ has: page.getByRole("heading", { name: "Logging in is not working right now" }) });
  await expect(alert).toBeVisible();
  await alert.getByRole("button", { name: "Try again" }).click();
  await expect(page.getByRole("heading", { name: "Briefing is running" })).toBeVisible();
  await expect(page.getByText(/Signed in as .* \(viewer\)\. The database answered\./)).toBeVisible();
});
