import type { Page } from "@playwright/test";
import { expect, logUpdate, test } from "./fixtures";

function reviewItem(page: Page, narrative: string) {
  return page.locator("article").filter({ hasText: narrative });
}

test.describe("analyst → admin workflow", () => {
  test("a submitted update stays private until an admin approves it", async ({ asAnalyst, asAdmin, page }) => {
    const narrative = `Seminar series completed in Lusaka ${Date.now()}`;
    await logUpdate(asAnalyst, {
      action: "A5 — AI seminars and training programmes for developing countries",
      status: "At risk",
      percent: "55",
      narrative,
      evidence: "https://example.org/seminars",
    });
    await expect(asAnalyst.getByText("Your update was submitted for review.")).toBeVisible();
    const mine = asAnalyst.getByRole("table", { name: /Your most recent updates/ });
    await expect(mine.getByRole("row").filter({ hasText: "A5" }).first()).toContainText("Submitted");

    await page.goto("/actions/A5");
    await expect(page.getByText(narrative)).toHaveCount(0);

    await asAdmin.goto("/admin/review");
    const item = reviewItem(asAdmin, narrative);
    await expect(item).toBeVisible();
    await item.getByRole("button", { name: "Approve and publish" }).click();
    await expect(asAdmin.getByText("The update for A5 was published.")).toBeVisible();

    await page.goto("/actions/A5");
    await expect(page.getByText(narrative)).toBeVisible();
    await expect(page.getByText("At risk").first()).toBeVisible();
    await page.goto("/");
    await expect(page.getByText(narrative)).toBeVisible();
  });

  test("a rejection shows its reason to the analyst", async ({ asAnalyst, asAdmin, page }) => {
    const narrative = `Unsourced claim ${Date.now()}`;
    await logUpdate(asAnalyst, { action: "A9 — Data cooperation and data security", status: "On track", percent: "70", narrative });
    await expect(asAnalyst.getByText("Your update was submitted for review.")).toBeVisible();

    await asAdmin.goto("/admin/review");
    const item = reviewItem(asAdmin, narrative);
    await item.getByLabel("Reason for rejection").fill("Please cite a public source for this figure.");
    await item.getByRole("button", { name: "Reject" }).click();
    await expect(asAdmin.getByText(/The update for A9 was rejected/)).toBeVisible();

    await asAnalyst.reload();
    await expect(asAnalyst.getByText("Please cite a public source for this figure.")).toBeVisible();
    await page.goto("/actions/A9");
    await expect(page.getByText(narrative)).toHaveCount(0);
  });

  test("a narrative holding HTML is shown as text, never run", async ({ asAnalyst, asAdmin, page }) => {
    const id = Date.now();
    const narrative = `<img src=x onerror="window.__xss=${id}"><script>window.__xss=${id}</script><b>Bold claim ${id}</b>`;
    await logUpdate(asAnalyst, { action: "A2 — Cooperation in R&D and application of models, and language resources", status: "In progress", percent: "20", narrative });
    await expect(asAnalyst.getByText("Your update was submitted for review.")).toBeVisible();

    await asAdmin.goto("/admin/review");
    const item = reviewItem(asAdmin, `Bold claim ${id}`);
    await expect(item).toContainText(narrative);
    await item.getByRole("button", { name: "Approve and publish" }).click();
    await expect(asAdmin.getByText("The update for A2 was published.")).toBeVisible();

    for (const url of ["/actions/A2", "/"]) {
      await page.goto(url);
      await expect(page.getByText(`Bold claim ${id}`).first()).toBeVisible();
      await expect(page.getByText(`<b>Bold claim ${id}</b>`, { exact: false }).first()).toBeVisible();
      expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
      await expect(page.locator('img[src="x"]')).toHaveCount(0);
      await expect(page.locator("b", { hasText: `Bold claim ${id}` })).toHaveCount(0);
    }
  });

  test("bad input shows field messages and saves nothing", async ({ asAnalyst }) => {
    const narrative = `Should never be saved ${Date.now()}`;
    await logUpdate(asAnalyst, {
      action: "A1 — Promoting AI and digital infrastructure connectivity",
      status: "In progress",
      percent: "140",
      narrative,
      evidence: "javascript:alert(1)",
    });
    await expect(asAnalyst.getByText("Enter a value within the allowed range.")).toBeVisible();
    await expect(asAnalyst.getByText("Enter a full http:// or https:// link.")).toBeVisible();
    await expect(asAnalyst.getByLabel("Percent complete")).toHaveAttribute("aria-invalid", "true");
    // What the analyst typed is kept so it can be corrected.
    await expect(asAnalyst.getByLabel("Narrative")).toHaveValue(narrative);
    await asAnalyst.reload();
    await expect(asAnalyst.getByText(narrative)).toHaveCount(0);
  });
});
