import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

async function fillLogin(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test.describe("passwords", () => {
  test("a forced reset signs the user out, and their next sign-in leads only to changing the password", async ({ asAdmin, browser }) => {
    const email = `reset-me-${Date.now()}@e2e.test`;
    await asAdmin.goto("/admin/users");
    const create = asAdmin.locator("form").filter({ has: asAdmin.getByRole("button", { name: "Create user" }) });
    await create.getByLabel("Email").fill(email);
    await create.getByLabel("Name").fill("Reset Me");
    await create.getByLabel("Role").selectOption("analyst");
    await create.getByLabel("Password").fill("password1234");
    await create.getByRole("button", { name: "Create user" }).click();
    await expect(create.getByText(/commonly used passwords/)).toBeVisible();
    await create.getByLabel("Password").fill("first-e2e-password-for-reset");
    await create.getByRole("button", { name: "Create user" }).click();
    await expect(asAdmin.getByText("User created.")).toBeVisible();

    const context = await browser.newContext();
    const user = await context.newPage();
    await fillLogin(user, email, "first-e2e-password-for-reset");
    await user.waitForURL(/\/admin/);

    await asAdmin.reload();
    await asAdmin.getByLabel(`Temporary password for ${email} (optional)`).fill("temporary-e2e-handover-1");
    await asAdmin.getByRole("button", { name: new RegExp(`Force password reset.*${email}`) }).click();
    await expect(asAdmin.getByText(/signed out everywhere and must choose a new password/)).toBeVisible();

    // The open session has ended.
    await user.goto("/admin");
    await expect(user).toHaveURL(/\/login/);

    // The temporary password signs in, to the account page and nowhere else.
    await fillLogin(user, email, "temporary-e2e-handover-1");
    await user.waitForURL(/\/admin\/account/);
    await expect(user.getByRole("heading", { name: "My account" })).toBeVisible();
    await expect(user.getByText(/An administrator asked you to choose a new password/)).toBeVisible();
    await user.goto("/admin/import");
    await expect(user).toHaveURL(/\/admin\/account/);

    await user.getByLabel("Current password").fill("wrong-current-password");
    await user.getByLabel("New password", { exact: true }).fill("my-own-e2e-password-2");
    await user.getByLabel("Repeat the new password").fill("my-own-e2e-password-2");
    await user.getByRole("button", { name: "Change password" }).click();
    await expect(user.getByText("Your current password is not correct.")).toBeVisible();

    await user.getByLabel("Current password").fill("temporary-e2e-handover-1");
    await user.getByLabel("New password", { exact: true }).fill("my-own-e2e-password-2");
    await user.getByLabel("Repeat the new password").fill("my-own-e2e-password-2");
    await user.getByRole("button", { name: "Change password" }).click();
    await user.waitForURL(/\/login\?passwordChanged=1/);
    await expect(user.getByText(/Your password was changed/)).toBeVisible();

    await fillLogin(user, email, "my-own-e2e-password-2");
    await user.waitForURL(/\/admin/);
    await expect(user.getByRole("heading", { name: "Log progress" }).first()).toBeVisible();
    await context.close();
  });

  test("repeated wrong passwords for one account are throttled, with the wait shown", async ({ page }) => {
    // An address nobody else uses: the throttle counts per account, whether or not it exists.
    const email = `nobody-${Date.now()}@e2e.test`;
    for (let i = 0; i < 5; i += 1) {
      await fillLogin(page, email, `wrong-password-${i}`);
      await expect(page.getByRole("alert").filter({ hasText: "The email or password is not correct" })).toBeVisible();
    }
    await fillLogin(page, email, "wrong-password-5");
    await expect(page.getByRole("alert").filter({ hasText: /Too many failed sign-in attempts\. Try again in \d+ minutes?\./ })).toBeVisible();
  });
});
