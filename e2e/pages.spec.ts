import fs from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "./fixtures/test";
import { testDb } from "./fixtures/db";
import { storageStateFor } from "./fixtures/users";

/**
 * Every page, as an admin sees it (the widest view): at 390 px wide the page itself never scrolls
 * sideways (wide tables scroll inside their own box), and at 1440 px axe finds no WCAG 2.2 AA
 * violation, with the light and the dark colour scheme. PAGE_SCREENSHOTS=1 keeps a screenshot of each.
 */

const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
const SCREENS = "test-results/screens/pages";
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };

type Target = { name: string; path: string };

async function targets(): Promise<Target[]> {
  const db = testDb();
  try {
    const [issues, article, claim] = await Promise.all([
      db.issue.findMany({ orderBy: { position: "asc" }, select: { slug: true } }),
      db.article.findFirstOrThrow({ where: { claims: { some: {} } }, orderBy: { ingestedAt: "asc" }, select: { id: true } }),
      db.claim.findFirstOrThrow({ where: { kind: "quote" }, orderBy: { id: "asc" }, select: { id: true } }),
    ]);
    return [
      { name: "dashboard", path: "/" },
      ...issues.map((issue) => ({ name: `issue-${issue.slug}`, path: `/issues/${issue.slug}` })),
      { name: "issue-edit", path: `/issues/${issues[0]!.slug}/edit` },
      { name: "issue-new", path: "/issues/new" },
      { name: "articles", path: "/articles" },
      { name: "article-new", path: "/articles/new" },
      { name: "article", path: `/articles/${article.id}` },
      { name: "claims", path: "/claims" },
      { name: "claim", path: `/claims/${claim.id}` },
      { name: "shares", path: "/shares" },
      { name: "admin-users", path: "/admin/users" },
      { name: "admin-tokens", path: "/admin/tokens" },
      { name: "notifications", path: "/notifications" },
      { name: "status", path: "/status" },
    ];
  } finally {
    await db.$disconnect();
  }
}

async function expectNoHorizontalScroll(page: Page, name: string) {
  await page.setViewportSize(PHONE);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  if (process.env.PAGE_SCREENSHOTS) await page.screenshot({ path: `${SCREENS}/${name}-390-${await scheme(page)}.png`, fullPage: true });
  // The outermost elements reaching past the right edge, to name in the failure.
  const culprits = await page.evaluate((limit) => {
    const wide = [...document.body.querySelectorAll("*")].filter((element) => element.getBoundingClientRect().right > limit + 1);
    return wide
      .filter((element) => !wide.includes(element.parentElement!))
      .slice(0, 5)
      .map(
        (element) =>
          `${element.tagName.toLowerCase()}.${[...element.classList].slice(0, 4).join(".")} (${Math.round(element.getBoundingClientRect().right)} px)`,
      );
  }, PHONE.width);
  expect.soft(width, `${name} is ${width} px wide at 390 px: ${culprits.join(", ")}`).toBeLessThanOrEqual(PHONE.width);
}

async function scheme(page: Page): Promise<string> {
  return (await page.evaluate(() => matchMedia("(prefers-color-scheme: dark)").matches)) ? "dark" : "light";
}

async function expectNoAxeViolations(page: Page, name: string) {
  await page.setViewportSize(DESKTOP);
  if (process.env.PAGE_SCREENSHOTS) await page.screenshot({ path: `${SCREENS}/${name}-1440-${await scheme(page)}.png`, fullPage: true });
  const results = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  const found = results.violations.map(
    (violation) =>
      `${violation.id} (${violation.nodes.length}): ${violation.nodes
        .slice(0, 3)
        .map((node) => node.target.join(" "))
        .join(" | ")}`,
  );
  expect.soft(found, `${name} (${await scheme(page)})`).toEqual([]);
}

async function checkPage(page: Page, target: Target) {
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await page.setViewportSize(DESKTOP);
    const response = await page.goto(target.path);
    expect(response?.status(), target.path).toBeLessThan(400);
    await expectNoAxeViolations(page, target.name);
    await expectNoHorizontalScroll(page, target.name);
  }
}

test.beforeAll(() => {
  if (process.env.PAGE_SCREENSHOTS) fs.mkdirSync(SCREENS, { recursive: true });
});

test.describe("every page at 390 px and with axe", () => {
  test.describe.configure({ timeout: 240_000 });
  test.use({ storageState: storageStateFor("admin") });

  test("the logged-in pages", async ({ page }) => {
    // Real data has long unbroken runs: a teammate with a long name and address (assignee pickers,
    // user admin) and a note that is one long link must not widen the page they are shown on.
    const db = testDb();
    const email = "firstname.middlename.lastname.department@newsroom-of-a-long-domain.example";
    await db.user.upsert({
      where: { email },
      update: {},
      create: { email, name: "Maximilianus Bartholomaeus von Longname-Featherstonehaugh", role: "editor" },
    });
    await db.$disconnect();
    const list = await targets();
    const claimPath = list.find((target) => target.name === "claim")!.path;
    const noted = await page.request.post("/api/notes", {
      data: {
        target: { type: "claim", id: claimPath.split("/").pop() },
        body: `See https://archive.example.org/${"x".repeat(40)}/${"segment-without-breaks".repeat(4)}`,
      },
    });
    expect(noted.status()).toBe(201);
    for (const target of list) await checkPage(page, target);
  });

  test("a share page", async ({ page, browser }) => {
    const db = testDb();
    const issue = await db.issue.findFirstOrThrow({ orderBy: { position: "asc" }, select: { slug: true } });
    await db.$disconnect();
    const created = await page.request.post("/api/share-links", { data: { target: { type: "issue", slug: issue.slug }, expiresInDays: 1 } });
    expect(created.status()).toBe(201);
    const { url } = (await created.json()) as { url: string };
    const reader = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    await checkPage(await reader.newPage(), { name: "share", path: new URL(url).pathname });
    await reader.close();
  });

  test("the login page", async ({ browser }) => {
    const visitor = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    await checkPage(await visitor.newPage(), { name: "login", path: "/login" });
    await visitor.close();
  });
});
