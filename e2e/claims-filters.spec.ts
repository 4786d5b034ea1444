import { expect, test } from "./fixtures/test";
import { testDb } from "./fixtures/db";
import { storageStateFor } from "./fixtures/users";

/** The speaker with the most claims, and how many they have. */
async function mostQuoted() {
  const db = testDb();
  try {
    const [top] = await db.claim.groupBy({
      by: ["speakerId"],
      where: { speakerId: { not: null } },
      _count: { _all: true },
      orderBy: { _count: { speakerId: "desc" } },
      take: 1,
    });
    const speaker = await db.speaker.findUniqueOrThrow({ where: { id: top!.speakerId! }, select: { slug: true, name: true } });
    return { ...speaker, claims: top!._count._all };
  } finally {
    await db.$disconnect();
  }
}

test.describe("review queue filters", () => {
  test.use({ storageState: storageStateFor("viewer") });

  test("a speaker is found by typing part of the name; the queue then shows only their claims", async ({ page }) => {
    const speaker = await mostQuoted();
    await page.goto("/claims");
    const field = page.getByRole("combobox", { name: "Speaker" });
    const suggestions = page.getByTestId("claims-speaker-suggestions").locator("option");
    // Before anything is typed, the most quoted speakers are suggested, the most quoted first.
    await expect(suggestions.first()).toHaveAttribute("value", speaker.name);

    const part = speaker.name.split(" ").at(-1)!.slice(0, 4).toLowerCase();
    const names = async () =>
      (await suggestions.evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value))).map((name) => name.toLowerCase());
    expect((await names()).every((name) => name.includes(part))).toBe(false);
    await field.pressSequentially(part);
    // The suggestions narrow to the speakers whose name contains what was typed.
    await expect.poll(async () => (await names()).every((name) => name.includes(part))).toBe(true);
    expect(await names()).toContain(speaker.name.toLowerCase());

    await field.fill(speaker.name);
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/speaker=/);
    await expect(page.getByText(`${speaker.claims.toLocaleString("en-US")} ${speaker.claims === 1 ? "claim" : "claims"} match`)).toBeVisible();
    const speakers = page.getByRole("table", { name: "Claims to review" }).locator("tbody tr td:nth-child(2)");
    await expect(speakers.first()).toBeVisible();
    for (const text of await speakers.allInnerTexts()) expect(text.trim()).toBe(speaker.name);
    await expect(field).toHaveValue(speaker.name);
  });

  test("a link naming the speaker by slug shows their name in the field; a name no speaker has says so", async ({ page }) => {
    const speaker = await mostQuoted();
    await page.goto(`/claims?speaker=${speaker.slug}`);
    await expect(page.getByRole("combobox", { name: "Speaker" })).toHaveValue(speaker.name);
    await expect(page.getByText(`${speaker.claims.toLocaleString("en-US")} ${speaker.claims === 1 ? "claim" : "claims"} match`)).toBeVisible();

    await page.goto("/claims?speaker=Nobody%20Called%20This");
    await expect(page.getByText("No speaker is called “Nobody Called This”.")).toBeVisible();
    await expect(page.getByText("No claims match these filters.")).toBeVisible();
  });
});
