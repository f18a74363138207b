import { expect, signIn, test } from "./fixtures";

test.describe("roles", () => {
  test("anonymous visitors of admin pages are sent to the login page", async ({ page }) => {
    for (const path of ["/admin", "/admin/review", "/admin/plan", "/admin/users"]) {
      await page.goto(path);
      await expect(page).toHaveURL(/\/login\?callbackUrl=/);
      await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
    }
  });

  test("analysts are refused every admin page and see no admin links", async ({ asAnalyst }) => {
    const nav = asAnalyst.getByRole("navigation", { name: "Workspace" });
    await expect(nav.getByRole("link", { name: "Log progress" })).toBeVisible();
    await expect(nav.getByRole("link", { name: "Review queue" })).toHaveCount(0);
    for (const path of ["/admin/review", "/admin/plan", "/admin/plan/actions/A1", "/admin/users"]) {
      const response = await asAnalyst.goto(path);
      expect(response?.status(), path).toBe(403);
      await expect(asAnalyst.getByRole("heading", { name: "Access denied" })).toBeVisible();
    }
  });

  test("a wrong password is refused with a clear message", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("Email").fill("admin@e2e.test");
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "The email or password is not correct" })).toBeVisible();
    await expect(page).toHaveURL(/\/login/);
  });
});

test.describe("plan editing", () => {
  test("a stale edit is refused instead of overwriting another admin's save", async ({ asAdmin, asAdmin2, page }) => {
    await asAdmin.goto("/admin/plan/actions/A8");
    await asAdmin2.goto("/admin/plan/actions/A8");

    await asAdmin.getByLabel("Title", { exact: true }).fill("AI literacy and education cooperation (confirmed)");
    await asAdmin.getByLabel("Title verified from an official source").check();
    await asAdmin.getByRole("button", { name: "Save" }).click();
    await expect(asAdmin.getByText("Saved", { exact: true })).toBeVisible();

    await asAdmin2.getByLabel("Title", { exact: true }).fill("A different title from a stale form");
    await asAdmin2.getByRole("button", { name: "Save" }).click();
    await expect(asAdmin2.getByText(/Someone else saved this record/)).toBeVisible();

    await page.goto("/actions/A8");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("AI literacy and education cooperation (confirmed)");
    await expect(page.getByText("A different title from a stale form")).toHaveCount(0);
  });
});

test.describe("users", () => {
  test("an admin creates a user, who can sign in; once disabled, their session stops working", async ({ asAdmin, browser }) => {
    const email = `new-analyst-${Date.now()}@e2e.test`;
    await asAdmin.goto("/admin/users");
    const create = asAdmin.locator("form").filter({ has: asAdmin.getByRole("button", { name: "Create user" }) });
    await create.getByLabel("Email").fill(email);
    await create.getByLabel("Name").fill("New Analyst");
    await create.getByLabel("Role").selectOption("analyst");
    await create.getByLabel("Password").fill("a-long-enough-password");
    await create.getByRole("button", { name: "Create user" }).click();
    await expect(asAdmin.getByText("User created.")).toBeVisible();

    const context = await browser.newContext();
    const newcomer = await context.newPage();
    await newcomer.goto("/login");
    await newcomer.getByLabel("Email").fill(email);
    await newcomer.getByLabel("Password").fill("a-long-enough-password");
    await newcomer.getByRole("button", { name: "Sign in" }).click();
    await newcomer.waitForURL(/\/admin/);
    await expect(newcomer.getByRole("heading", { name: "Log progress" }).first()).toBeVisible();

    await asAdmin.reload();
    await asAdmin.getByRole("checkbox", { name: new RegExp(`Disabled.*${email}`) }).check();
    await asAdmin.getByRole("button", { name: new RegExp(`Save.*${email}`) }).click();
    await expect(asAdmin.getByText("Saved").first()).toBeVisible();

    await newcomer.goto("/admin");
    await expect(newcomer).toHaveURL(/\/login/);
    await context.close();
  });
});

test("admins see every workspace link", async ({ page }) => {
  await signIn(page, "admin");
  await expect(page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Users" })).toBeVisible();
});
