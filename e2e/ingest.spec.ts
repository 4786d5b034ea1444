import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { expect, test } from "./fixtures/test";
import { storageStateFor } from "./fixtures/users";

const FIXTURES = path.join(import.meta.dirname, "fixtures", "articles");
const harbour = fs.readFileSync(path.join(FIXTURES, "harbour.txt"), "utf8");

test.describe("adding articles as an editor", () => {
  test.use({ storageState: storageStateFor("editor") });

  test("pasted text gets suggested details, is stored with its claims, and a second paste is refused as a duplicate", async ({ page }) => {
    await page.goto("/articles/new");
    await page.getByLabel("Article text").fill(harbour);
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByRole("heading", { name: "Check the details, then save" })).toBeVisible();
    await expect(page.getByLabel("Title")).toHaveValue("Harbour authority reopens port after two-day storm closure");
    await page.getByLabel("Outlet").fill("Calderhaven Gazette");
    await page.getByRole("button", { name: "Save article" }).click();
    const results = page.getByRole("list", { name: "Results" });
    await expect(results).toContainText(/stored with \d+ claims/);
    await results.getByRole("link", { name: "Open the article" }).click();
    await expect(page.getByRole("heading", { name: "Harbour authority reopens port after two-day storm closure" })).toBeVisible();
    await expect(page.getByText("Calderhaven Gazette")).toBeVisible();
    const quote = page.locator('mark[data-kind="quote"]').first();
    await expect(quote).toContainText("We are back to a normal schedule");
    await quote.getByRole("link").first().focus();
    await expect(page.getByRole("tooltip").filter({ hasText: "Mara Lind" }).first()).toBeVisible();
    await page.screenshot({ path: "test-results/screens/article.png", fullPage: true });

    await page.goto("/articles/new");
    await page.getByLabel("Article text").fill(harbour);
    await page.getByRole("button", { name: "Continue" }).click();
    await page.getByRole("button", { name: "Save article" }).click();
    await expect(page.getByRole("list", { name: "Results" })).toContainText("this exact text is already here");
    await expect(page.getByRole("link", { name: "Open the existing article" })).toBeVisible();
  });

  test("pasted wire copy gets its outlet, date and byline suggested from the text itself", async ({ page }) => {
    const wire = [
      "Ferry crews on the Orlan vote to return",
      "By Ana Ruiz, Tom Li, CNN",
      "Published 4 March 2026",
      "(CNN) — Ferry crews on the Orlan river voted on Tuesday to return after a nine-day strike, their union said.",
      "“We got most of what we asked for,” union organiser Pia Renn told reporters outside the depot.",
    ].join("\n");
    await page.goto("/articles/new");
    await page.getByLabel("Article text").fill(wire);
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByRole("heading", { name: "Check the details, then save" })).toBeVisible();
    await expect(page.getByLabel("Title")).toHaveValue("Ferry crews on the Orlan vote to return");
    await expect(page.getByLabel("Outlet")).toHaveValue("CNN");
    await expect(page.getByRole("textbox", { name: "Published" })).toHaveValue("2026-03-04");
    await expect(page.getByRole("textbox", { name: "Byline" })).toHaveValue("Ana Ruiz, Tom Li");
  });

  test("several files upload at once; a binary file is refused by name and nothing of it is stored", async ({ page }) => {
    await page.goto("/articles/new");
    await page.getByText("Upload files", { exact: true }).click();
    await page.getByLabel(/Files/).setInputFiles([
      { name: "council.html", mimeType: "text/html", buffer: fs.readFileSync(path.join(FIXTURES, "council.html")) },
      { name: "photo.txt", mimeType: "text/plain", buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]) },
    ]);
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByRole("status").first()).toContainText("photo.txt: this is a binary file");
    await expect(page.getByLabel("Outlet")).toHaveValue("Valley Ledger");
    await expect(page.getByLabel("Published")).toHaveValue("2026-03-04");
    await page.getByRole("button", { name: "Save article" }).click();
    await expect(page.getByRole("list", { name: "Results" })).toContainText(/council\.html: stored with \d+ claims/);
  });

  test("a large upload (twelve files) is stored by a background job and answers each file as a small one does", async ({ page }) => {
    test.slow();
    const run = Date.now().toString(36);
    const files = Array.from({ length: 12 }, (_, index) => ({
      name: `dock-${run}-${index + 1}.txt`,
      mimeType: "text/plain",
      buffer: Buffer.from(
        `Dock workers at berth ${index + 1} said on Monday that the night shift would end at ${index + 2} o'clock (${run}).\n\n"We need the rest," said Pia Lund, who speaks for berth ${index + 1}.`,
      ),
    }));
    const before = Number(((await (await page.request.get("/api/articles?limit=1")).json()) as { total: number }).total);
    await page.goto("/articles/new");
    await page.getByText("Upload files", { exact: true }).click();
    await page.getByLabel(/Files/).setInputFiles(files);
    await page.getByRole("button", { name: "Continue" }).click();
    await page.getByRole("button", { name: "Save 12 articles" }).click();
    const results = page.getByRole("list", { name: "Results" });
    for (const file of files) await expect(results).toContainText(new RegExp(`${file.name}: stored with \\d+ claims`), { timeout: 90_000 });
    const after = Number(((await (await page.request.get("/api/articles?limit=1")).json()) as { total: number }).total);
    expect(after).toBe(before + 12);
  });

  test("a web page is imported from an allowed host; a private address is refused", async ({ page }) => {
    const html = fs.readFileSync(path.join(FIXTURES, "council.html"), "utf8").replaceAll("bus fares", "tram fares").replace("15%", "9%");
    const server = http.createServer((_request, response) => response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(html));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    try {
      await page.goto("/articles/new");
      await page.getByText("Import from a URL", { exact: true }).click();
      await page.getByLabel("Web address").fill(`http://localhost:${port}/tram`);
      await page.getByRole("button", { name: "Continue" }).click();
      await expect(page.getByRole("status").first()).toContainText(`localhost:${port} is not a public web page that could be reached`);
      await expect(page.getByLabel("Web address")).toHaveValue(`http://localhost:${port}/tram`);

      await page.getByLabel("Web address").fill(`http://127.0.0.1:${port}/tram`);
      await page.getByRole("button", { name: "Continue" }).click();
      await expect(page.getByLabel("Title")).toHaveValue(/Council delays vote on tram fares/);
      await expect(page.getByLabel("URL", { exact: true })).toHaveValue(`http://127.0.0.1:${port}/tram`);
      await page.getByRole("button", { name: "Save article" }).click();
      await expect(page.getByRole("list", { name: "Results" })).toContainText(/stored with \d+ claims|like an article already stored/);
    } finally {
      server.close();
    }
  });
});

test.describe("who may add articles", () => {
  test.use({ storageState: storageStateFor("viewer") });

  test("a viewer sees no way to add articles and the API refuses them", async ({ page }) => {
    await page.goto("/articles");
    await expect(page.getByRole("link", { name: "Add articles" })).toHaveCount(0);
    const response = await page.request.post("/api/articles", { data: { body: "A viewer tries to add this text." } });
    expect(response.status()).toBe(403);
    expect(await response.json()).toMatchObject({ error: { code: "forbidden" } });
  });
});

test.describe("the articles API", () => {
  test.use({ storageState: storageStateFor("admin") });

  test("an admin's API token stores articles until it is revoked", async ({ page, playwright }) => {
    await page.goto("/admin/tokens");
    await page.getByLabel("Name").fill("Wire importer");
    await page.getByRole("button", { name: "Create token" }).click();
    const token = (await page.getByTestId("new-token").textContent())?.trim() ?? "";
    expect(token).toMatch(/^brf_/);

    const api = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL, extraHTTPHeaders: { authorization: `Bearer ${token}` } });
    const body = `The ferry line to Osterby will run twice a day from June, the operator said on Monday.\n"Demand has doubled since last year," said operations chief Lene Dahl.`;
    const created = await api.post("/api/articles", { data: { body, outlet: "Island Post", publishedAt: "2026-05-01" } });
    expect(created.status()).toBe(201);
    const { id, claims } = (await created.json()) as { id: string; claims: number };
    expect(claims).toBeGreaterThan(0);

    const duplicate = await api.post("/api/articles", { data: { body } });
    expect(duplicate.status()).toBe(409);
    expect(await duplicate.json()).toMatchObject({ error: { code: "duplicate", existingId: id } });

    const uploaded = await api.post("/api/articles", {
      multipart: {
        files: { name: "council.html", mimeType: "text/html", buffer: fs.readFileSync(path.join(FIXTURES, "council.html")) },
        outlet: "Valley Ledger",
      },
    });
    expect([201, 409]).toContain(uploaded.status());
    const binary = await api.post("/api/articles", {
      multipart: { files: { name: "scan.txt", mimeType: "text/plain", buffer: Buffer.from([0x00, 0x01, 0x02]) } },
    });
    expect(binary.status()).toBe(422);
    expect(((await binary.json()) as { error: { message: string } }).error.message).toContain("scan.txt: this is a binary file");
    const huge = await api.post("/api/articles", { data: { body: "word ".repeat(450_000) } });
    expect(huge.status()).toBe(413);

    const blank = await api.post("/api/articles", { data: { body: "   \n " } });
    expect(blank.status()).toBe(422);
    expect(((await blank.json()) as { error: { message: string } }).error.message).toContain("body");

    await page.reload();
    await page.getByRole("button", { name: "Revoke Wire importer" }).click();
    await expect(page.getByRole("row", { name: /Wire importer/ })).toContainText("Revoked");
    const refused = await api.post("/api/articles", { data: { body: "After revocation nothing is stored." } });
    expect(refused.status()).toBe(401);
    await api.dispose();
  });
});
