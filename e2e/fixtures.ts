import { readFileSync } from "node:fs";
import { test as base, expect, type Browser, type Page } from "@playwright/test";
import { E2E_USERS, RUN_INFO_FILE, type E2EUser } from "./users";

export type RunInfo = { runId: string; db: "pglite" | "postgres" };

export function runInfo(): RunInfo {
  return JSON.parse(readFileSync(RUN_INFO_FILE, "utf8")) as RunInfo;
}

/** Signs in through the real login form and waits for the workspace to load. */
export async function signIn(page: Page, who: E2EUser): Promise<void> {
  const user = E2E_USERS[who];
  await page.goto("/login");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/admin/);
}

export type UpdateFields = { action: string; status: string; percent: string; narrative: string; evidence?: string; date?: string };

/** Fills and submits the analyst's "Log progress" form. */
export async function logUpdate(page: Page, fields: UpdateFields): Promise<void> {
  await page.goto("/admin");
  const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Submit for review" }) });
  // A bare code ("A8") picks the action whatever its title is now (other specs edit titles).
  await form.getByLabel("Action").selectOption(/^A\d+$/.test(fields.action) ? { value: fields.action } : { label: fields.action });
  await form.getByLabel("Status").selectOption({ label: fields.status });
  await form.getByLabel("Percent complete").fill(fields.percent);
  await form.getByLabel("Narrative").fill(fields.narrative);
  await form.getByLabel("Evidence links").fill(fields.evidence ?? "");
  await form.getByLabel("Date of the progress").fill(fields.date ?? "2025-06-15");
  await form.getByRole("button", { name: "Submit for review" }).click();
}

/** Approves the queued update whose narrative is given, as the admin on `page`. */
export async function approve(page: Page, narrative: string): Promise<void> {
  await page.goto("/admin/review");
  const item = page.locator("article").filter({ hasText: narrative });
  await item.getByRole("button", { name: "Approve and publish" }).click();
  await expect(page.getByText(/was published\./)).toBeVisible();
}

type Fixtures = {
  asAnalyst: Page;
  asAdmin: Page;
  asAdmin2: Page;
};

async function signedInPage(browser: Browser, who: E2EUser, provide: (page: Page) => Promise<void>): Promise<void> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, who);
  await provide(page);
  await context.close();
}

/** Pages already signed in, each in its own browser context (its own cookies). */
export const test = base.extend<Fixtures>({
  asAnalyst: async ({ browser }, use) => signedInPage(browser, "analyst", use),
  asAdmin: async ({ browser }, use) => signedInPage(browser, "admin", use),
  asAdmin2: async ({ browser }, use) => signedInPage(browser, "admin2", use),
});

export { expect };
