import { expect, test } from "./fixtures/test";
import { createUniqueUser } from "./fixtures/db";
import { E2E_PASSWORD, E2E_USERS, storageStateFor } from "./fixtures/users";

test.describe("logging in", () => {
  test("an anonymous visitor is sent to the login page and returns to where they were going", async ({ page }) => {
    await page.goto("/articles?q=referendum");
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Farticles%3Fq%3Dreferendum$/);
    await page.getByLabel("Email").fill(E2E_USERS.viewer.email);
    await page.getByLabel("Password").fill(E2E_PASSWORD);
    await page.getByRole("button", { name: "Log in" }).click();
    await expect(page).toHaveURL(/\/articles\?q=referendum$/);
    await expect(page.getByRole("heading", { name: "Articles" })).toBeVisible();
    await expect(page.getByRole("searchbox", { name: "Search articles" })).toHaveValue("referendum");
  });

  test("a wrong password gets one generic message and no session", async ({ page }) => {
    const user = await createUniqueUser();
    await page.goto("/login");
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password").fill("not the password at all");
    await page.getByRole("button", { name: "Log in" }).click();
    await expect(page.getByRole("status")).toHaveText("Wrong email or password.");
    await page.getByLabel("Password").fill("still not the password");
    await page.getByLabel("Email").fill("nobody-here@briefing.test");
    await page.getByRole("button", { name: "Log in" }).click();
    await expect(page.getByRole("status")).toHaveText("Wrong email or password.");
    await page.goto("/");
    await expect(page).toHaveURL(/\/login/);
  });

  test("five failures lock the account from this address, even for the right password", async ({ page }) => {
    const user = await createUniqueUser();
    await page.goto("/login");
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      await page.getByLabel("Email").fill(user.email);
      await page.getByLabel("Password").fill(`wrong password ${attempt}`);
      await page.getByRole("button", { name: "Log in" }).click();
      await expect(page.getByRole("status")).toHaveText("Wrong email or password.");
      await expect(page.getByLabel("Password")).toHaveValue("");
      await expect(page.getByLabel("Email")).toHaveValue(user.email);
    }
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password").fill(user.password);
    await page.getByRole("button", { name: "Log in" }).click();
    await expect(page.getByRole("status")).toContainText("Too many failed attempts for this account");
    await expect(page.getByRole("status")).toContainText(/Try again after \d\d:\d\d UTC \(in 1[45] minutes\)/);
    await expect(page).toHaveURL(/\/login/);
  });

  test("logging in shows the app shell, and logging out ends the session on the server", async ({ page, browser }) => {
    await page.goto("/login");
    await page.getByLabel("Email").fill(E2E_USERS.editor.email);
    await page.getByLabel("Password").fill(E2E_PASSWORD);
    await page.getByRole("button", { name: "Log in" }).click();
    const nav = page.getByRole("navigation", { name: "Main" });
    for (const link of ["Dashboard", "Issues", "Articles", "Claims"]) {
      await expect(nav.getByRole("link", { name: link })).toBeVisible();
    }
    await expect(page.getByText(E2E_USERS.editor.name)).toBeVisible();
    const signedIn = await page.context().storageState();
    await page.getByRole("button", { name: "Log out" }).click();
    await expect(page).toHaveURL(/\/login/);
    await page.goto("/claims");
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fclaims/);

    // The cookie from before the sign-out, replayed from somewhere else, is no session either.
    const replay = await browser.newContext({ storageState: signedIn });
    const stolen = await replay.newPage();
    await stolen.goto("/claims");
    await expect(stolen).toHaveURL(/\/login/);
    await expect(stolen.getByRole("button", { name: "Log in" })).toBeVisible();
    const response = await replay.request.get("/api/claims");
    expect(response.status()).toBe(401);
    await replay.close();
  });

  test("the login page answers with a status that says what happened: the form is a 200, a logged-in visitor is redirected by the server", async ({
    page,
    playwright,
    baseURL,
  }) => {
    const anonymous = await page.request.get("/login?callbackUrl=%2Fclaims", { maxRedirects: 0 });
    expect(anonymous.status()).toBe(200);
    expect(await anonymous.text()).toContain("Log in to your desk");

    const signedIn = await playwright.request.newContext({ baseURL, storageState: storageStateFor("viewer") });
    try {
      const back = await signedIn.get("/login?callbackUrl=%2Fclaims%3Fstatus%3Dpending", { maxRedirects: 0 });
      expect(back.status()).toBe(307);
      expect(back.headers().location).toBe("/claims?status=pending");
      // A callback to another site is never followed: the visitor goes to the dashboard.
      const elsewhere = await signedIn.get("/login?callbackUrl=%2F%2Fevil.example%2Fphish", { maxRedirects: 0 });
      expect(elsewhere.status()).toBe(307);
      expect(elsewhere.headers().location).toBe("/");
    } finally {
      await signedIn.dispose();
    }
  });

  test("the status page says who is signed in and that the database answers, and only to someone signed in", async ({ page }) => {
    await page.goto("/status");
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fstatus$/);
    await page.getByLabel("Email").fill(E2E_USERS.viewer.email);
    await page.getByLabel("Password").fill(E2E_PASSWORD);
    await page.getByRole("button", { name: "Log in" }).click();
    await expect(page).toHaveURL(/\/status$/);
    await expect(page.getByRole("heading", { name: "Briefing is running" })).toBeVisible();
    await expect(page.getByText(`Signed in as ${E2E_USERS.viewer.name} (viewer). The database answered.`)).toBeVisible();
  });
});
