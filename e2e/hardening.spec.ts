import { expect, test, type Page } from "./fixtures/test";
import { storageStateFor } from "./fixtures/users";

/** Collects the page's Content-Security-Policy violations, as the browser reports them. */
async function watchPolicy(page: Page): Promise<() => Promise<string[]>> {
  const console: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) console.push(message.text());
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __violations: string[] }).__violations = seen;
    document.addEventListener("securitypolicyviolation", (event) =>
      seen.push(`${event.violatedDirective} ${event.blockedURI} at ${event.sourceFile}:${event.lineNumber}`),
    );
  });
  return async () => [...console, ...(await page.evaluate(() => (window as unknown as { __violations?: string[] }).__violations ?? []))];
}

test.describe("security headers", () => {
  test.use({ storageState: storageStateFor("editor") });

  test("every page carries the policy and the other headers, and still works in the browser", async ({ page }) => {
    const violations = await watchPolicy(page);
    const response = await page.goto("/");
    const headers = response?.headers() ?? {};
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(headers["content-security-policy"]).toContain("default-src 'self'");
    expect(headers["content-security-policy"]).toContain("object-src 'none'");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    await expect(page.getByRole("heading", { name: "The story at a glance" })).toBeVisible();

    // Client components hydrate under the policy: switching the import mode is React state.
    await page.goto("/articles/new");
    await page.getByText("Import from a URL", { exact: true }).click();
    await expect(page.getByLabel("Web address")).toBeVisible();

    // The review queue's keyboard help opens (a client component reacting to a key).
    await page.goto("/claims");
    await expect(async () => {
      await page.keyboard.press("?");
      await expect(page.getByRole("dialog")).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 15_000 });
    expect(await violations()).toEqual([]);
  });

  test("no other site can frame a page", async ({ page, baseURL }) => {
    await page.setContent(`<iframe id="frame" src="${baseURL}/login" width="400" height="300"></iframe>`);
    const frame = page.frameLocator("#frame");
    await expect(frame.getByLabel("Email")).toHaveCount(0, { timeout: 5_000 });
  });
});

test.describe("security headers for anyone", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("API answers carry them too, and the login page works with them", async ({ page, request }) => {
    const api = await request.get("/api/ping");
    expect(api.status()).toBe(401);
    expect(api.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(api.headers()["x-content-type-options"]).toBe("nosniff");

    const violations = await watchPolicy(page);
    await page.goto("/login");
    await page.getByLabel("Email").fill("nobody@briefing.test");
    await page.getByLabel("Password").fill("not the password");
    await page.getByRole("button", { name: "Log in" }).click();
    await expect(page.getByRole("status")).toHaveText("Wrong email or password.");
    expect(await violations()).toEqual([]);
  });
});

test.describe("malformed addresses", () => {
  test.use({ storageState: storageStateFor("viewer") });

  for (const path of ["/articles/%ff", "/articles/%00", "/claims/%E0%A4%A", "/claims?speaker=%00", "/issues/%c0"]) {
    test(`${path} is a 4xx for a logged-in reader`, async ({ request }) => {
      const response = await request.get(path, { maxRedirects: 0 });
      expect(response.status(), await response.text()).toBeGreaterThanOrEqual(400);
      expect(response.status()).toBeLessThan(500);
    });
  }

  for (const path of ["/s/%ff", "/s/%00", "/s/%", "/api/articles/%ff", "/api/claims?q=%00", "/api/articles/%00"]) {
    test(`${path} is a 4xx for anyone`, async ({ playwright, baseURL }) => {
      const anonymous = await playwright.request.newContext({ baseURL });
      const response = await anonymous.get(path, { maxRedirects: 0 });
      expect(response.status(), await response.text()).toBeGreaterThanOrEqual(400);
      expect(response.status()).toBeLessThan(500);
      if (path.startsWith("/api/")) expect(((await response.json()) as { error: { code: string } }).error.code).toMatch(/^(bad_request|unauthorized)$/);
      await anonymous.dispose();
    });
  }
});

test.describe("malformed bodies", () => {
  test.use({ storageState: storageStateFor("editor") });

  test("a form post without a boundary, or cut short, is a 4xx, to the API and to a server action", async ({ request }) => {
    const html = await (await request.get("/articles/new")).text();
    const actionId = /&quot;id&quot;:&quot;([0-9a-f]{40,})&quot;/.exec(html)?.[1];
    expect(actionId, "the import form's server action id in the page").toBeTruthy();
    const boundary = "----briefing-e2e";
    const whole = `--${boundary}\r\nContent-Disposition: form-data; name="body"\r\n\r\nThe port reopened.\r\n--${boundary}--\r\n`;
    for (const [path, headers, data] of [
      ["/api/articles", { "content-type": "multipart/form-data" }, whole],
      ["/api/articles", { "content-type": `multipart/form-data; boundary=${boundary}` }, whole.slice(0, 50)],
      ["/articles/new", { "content-type": "multipart/form-data", "next-action": actionId! }, whole],
      ["/articles/new", { "content-type": `multipart/form-data; boundary=${boundary}`, "next-action": actionId! }, whole.slice(0, 50)],
      ["/login", { "content-type": "multipart/form-data", "next-action": actionId! }, whole],
    ] as const) {
      const response = await request.post(path, { headers, data, maxRedirects: 0 });
      expect(response.status(), `${path} ${headers["content-type"]}: ${(await response.text()).slice(0, 300)}`).toBeGreaterThanOrEqual(400);
      expect(response.status()).toBeLessThan(500);
    }
  });
});
