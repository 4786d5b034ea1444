import { expect, test as setup } from "./fixtures/test";
import { E2E_PASSWORD, E2E_USERS, storageStateFor, type E2ERole } from "./fixtures/users";

for (const role of Object.keys(E2E_USERS) as E2ERole[]) {
  setup(`log in as ${role}`, async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("Email").fill(E2E_USERS[role].email);
    await page.getByLabel("Password").fill(E2E_PASSWORD);
    await page.getByRole("button", { name: "Log in" }).click();
    await expect(page.getByRole("heading", { name: "The story at a glance" })).toBeVisible();
    await page.context().storageState({ path: storageStateFor(role) });
  });
}
