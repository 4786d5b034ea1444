import { expect, test } from "./fixtures/test";
import { E2E_PASSWORD, storageStateFor } from "./fixtures/users";

test.describe("admin users", () => {
  test.use({ storageState: storageStateFor("admin") });

  test("an admin adds a teammate; a role change, a password reset and a deactivation each end their session", async ({ page, browser }) => {
    const email = `desk-${Date.now()}@briefing.test`;
    await page.goto("/admin/users");
    const form = page.getByRole("form", { name: "Add a teammate" });
    await form.getByLabel("Email").fill(email);
    await form.getByLabel("Name").fill("Desk Person");
    await form.getByLabel("Role").selectOption("viewer");
    await form.getByLabel("Initial password").fill(E2E_PASSWORD);
    await form.getByRole("button", { name: "Add user" }).click();
    await expect(page.getByText(`Added ${email}.`)).toBeVisible();
    const row = page.getByRole("row").filter({ hasText: email });
    await expect(row).toContainText("viewer");

    const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const person = await context.newPage();
    const logIn = async (password: string) => {
      await person.goto("/login");
      await person.getByLabel("Email").fill(email);
      await person.getByLabel("Password").fill(password);
      await person.getByRole("button", { name: "Log in" }).click();
      await expect(person.getByRole("heading", { name: "The story at a glance" })).toBeVisible();
    };
    await logIn(E2E_PASSWORD);
    await expect(person.getByText("(viewer)")).toBeVisible();

    await row.getByLabel(`Role of ${email}`, { exact: true }).selectOption("editor");
    await row.getByRole("button", { name: `Change role of ${email}` }).click();
    await expect(row.getByText("Role changed.")).toBeVisible();
    await expect(row.getByLabel(`Role of ${email}`, { exact: true })).toHaveValue("editor");
    await person.reload();
    await expect(person).toHaveURL(/\/login/);
    await logIn(E2E_PASSWORD);
    await expect(person.getByText("(editor)")).toBeVisible();

    await row.getByRole("button", { name: `Reset password of ${email}` }).click();
    const newPassword = row.getByTestId("new-password");
    await expect(newPassword).not.toBeEmpty();
    await person.reload();
    await expect(person).toHaveURL(/\/login/);
    await logIn((await newPassword.textContent())!.trim());

    await row.getByRole("button", { name: `Deactivate ${email}` }).click();
    await expect(row.getByText("Deactivated", { exact: true })).toBeVisible();
    await page.screenshot({ path: "test-results/screens/admin-users.png", fullPage: true });

    await person.goto("/claims");
    await expect(person).toHaveURL(/\/login/);
    const api = await person.request.get("/api/claims");
    expect(api.status()).toBe(401);
    await context.close();
  });

  test("non-admins cannot open the users page", async ({ browser }) => {
    const context = await browser.newContext({ storageState: storageStateFor("editor") });
    const page = await context.newPage();
    await page.goto("/admin/users");
    await expect(page).not.toHaveURL(/\/admin\/users/);
    await context.close();
  });
});
