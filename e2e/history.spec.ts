import { approve, expect, logUpdate, runInfo, test } from "./fixtures";

const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
const today = new Date().toISOString().slice(0, 10);

test.describe("history you can trust", () => {
  test("a past view shows a banner and only what was published by then", async ({ page, request }) => {
    const marker = `Group of Friends meeting recorded by ${runInfo().runId}`;
    await page.goto("/");
    await expect(page.getByText(marker)).toBeVisible();
    await expect(page.getByRole("region", { name: "Past view" })).toHaveCount(0);

    // The marker update was published today, so the plan as of yesterday does not have it.
    await page.goto(`/?asOf=${yesterday}`);
    const banner = page.getByRole("region", { name: "Past view" });
    await expect(banner).toContainText("You are viewing the plan as it stood at the end of");
    await expect(page.getByText(marker)).toHaveCount(0);
    // Links keep the reader in the past view.
    await page.getByRole("link", { name: "A6", exact: true }).first().click();
    await expect(page).toHaveURL(new RegExp(`/actions/A6\\?asOf=${yesterday}`));
    await expect(page.getByText("No published assessment yet").first()).toBeVisible();
    await banner.getByRole("link", { name: "See the plan today" }).click();
    await expect(page.getByRole("region", { name: "Past view" })).toHaveCount(0);

    const past = await (await request.get(`/api/v1/actions?asOf=${yesterday}`)).json();
    expect(past.view).toEqual({ kind: "asOf", asOf: yesterday });
    expect(past.data.find((a: { code: string }) => a.code === "A6").status).toBe("not_yet_assessed");
    const bad = await request.get("/api/v1/actions?asOf=2025-02-30");
    expect(bad.status()).toBe(400);
    expect((await bad.json()).fieldErrors.asOf).toHaveLength(1);
    expect((await page.goto("/?asOf=2999-01-01"))?.status()).toBe(404);
  });

  test("a correction is public, with its reason, and the original stays visible", async ({ asAnalyst, asAdmin, page }) => {
    const narrative = `Standards workshop held ${Date.now()}`;
    await logUpdate(asAnalyst, { action: "A10 — AI safety risk assessment and standards cooperation", status: "On track", percent: "60", narrative, date: today });
    await expect(asAnalyst.getByText("Your update was submitted for review.")).toBeVisible();
    await approve(asAdmin, narrative);

    // A round closed now freezes the plan with the 60% assessment.
    await asAdmin.goto("/admin/rounds");
    await asAdmin.getByLabel("Round name").fill("Before the correction");
    await asAdmin.getByLabel("Short name for the URL").fill("before-correction");
    await asAdmin.getByLabel("Cut-off date").fill(today);
    await asAdmin.getByRole("button", { name: "Close round" }).click();
    await expect(asAdmin.getByText("Round closed. Its public page:")).toBeVisible();

    await asAdmin.goto("/admin/corrections");
    const item = asAdmin.locator("article").filter({ hasText: narrative });
    await item.getByText("Correct", { exact: true }).click();
    const form = item.locator("form").filter({ has: asAdmin.getByRole("button", { name: /Publish correction/ }) });
    await form.getByLabel("Percent complete").fill("35");
    await form.getByLabel("Status").selectOption({ label: "At risk" });
    await form.getByLabel("Public reason").fill("The workshop report gives 35%, not 60%.");
    await form.getByRole("button", { name: /Publish correction/ }).click();
    await expect(asAdmin.getByText("The update was corrected; the original stays visible as corrected.")).toBeVisible();

    await page.goto("/corrections");
    await expect(page.getByRole("heading", { name: "Corrections log" })).toBeVisible();
    await expect(page.getByText("The workshop report gives 35%, not 60%.")).toBeVisible();

    await page.goto("/actions/A10");
    const original = page.getByRole("listitem").filter({ hasText: narrative }).filter({ hasText: "Corrected" });
    await expect(original.first()).toBeVisible();
    await expect(page.getByText("At risk").first()).toBeVisible();
    await expect(page.getByRole("heading", { name: "Status changes" })).toBeVisible();

    // The round closed before the correction still shows 60% and On track.
    await page.goto("/actions/A10?round=before-correction");
    await expect(page.getByRole("region", { name: "Past view" })).toContainText("Before the correction");
    await expect(page.getByText("On track").first()).toBeVisible();
    await expect(page.getByText("Corrected", { exact: true })).toHaveCount(0);
  });

  test("two rounds can be compared action by action", async ({ asAdmin, page }) => {
    await asAdmin.goto("/admin/rounds");
    await asAdmin.getByLabel("Round name").fill("After the correction");
    await asAdmin.getByLabel("Short name for the URL").fill("after-correction");
    await asAdmin.getByLabel("Cut-off date").fill(today);
    await asAdmin.getByRole("button", { name: "Close round" }).click();
    await expect(asAdmin.getByText("Round closed. Its public page:")).toBeVisible();

    await page.goto("/rounds");
    await page.getByLabel("From round").selectOption("before-correction");
    await page.getByLabel("To round").selectOption("after-correction");
    await page.getByRole("button", { name: "Compare" }).click();
    await expect(page.getByRole("heading", { name: "Compare reporting rounds" })).toBeVisible();
    const a10 = page.getByRole("row").filter({ hasText: "A10" });
    await expect(a10).toContainText("−25 points");
    await expect(page.locator("#comparison-summary")).toContainText("1 action changed status");

    await page.goto("/rounds/before-correction");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Reporting round: Before the correction");
  });
});
