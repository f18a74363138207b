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

  test("a correction is public, with its reason, and the original stays visible", async ({ asAnalyst, asAdmin, page, request }) => {
    const narrative = `Standards workshop held ${Date.now()}`;
    // The filtered list is a cached page: warm it, so that freshness after publishing is tested, not a first render.
    for (let i = 0; i < 2; i++) expect((await request.get("/actions?status=on_track")).status()).toBe(200);
    const a10 = page.locator("table").getByRole("link", { name: "A10", exact: true });
    await logUpdate(asAnalyst, { action: "A10 — AI safety risk assessment and standards cooperation", status: "On track", percent: "60", narrative, date: today });
    await expect(asAnalyst.getByText("Your update was submitted for review.")).toBeVisible();
    await approve(asAdmin, narrative);
    await page.goto("/actions?status=on_track");
    await expect(a10).toBeVisible();

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

    // Publishing refreshes the cached filtered lists: A10 moved from "On track" to "At risk".
    await page.goto("/actions?status=on_track");
    await expect(page.getByText(/Showing \d+ of 10 actions/)).toBeVisible();
    await expect(a10).toHaveCount(0);
    await page.goto("/actions?status=at_risk");
    await expect(a10).toBeVisible();

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

  test("a round page asked for before the round existed shows the round once it is closed, then from the cache", async ({ asAdmin, request }) => {
    const slug = `late-round-${Date.now()}`;
    // Asked for before the round exists: a 404, which Next keeps in its cache like any ISR page.
    expect((await request.get(`/rounds/${slug}`)).status()).toBe(404);
    const cached404 = await request.get(`/rounds/${slug}`);
    expect(cached404.status()).toBe(404);
    expect(cached404.headers()["x-nextjs-cache"]).toBe("HIT");
    expect((await request.get(`/zh/rounds/${slug}`)).status()).toBe(404);

    await asAdmin.goto("/admin/rounds");
    await asAdmin.getByLabel("Round name").fill("Closed after a visit");
    await asAdmin.getByLabel("Short name for the URL").fill(slug);
    await asAdmin.getByLabel("Cut-off date").fill(today);
    await asAdmin.getByRole("button", { name: "Close round" }).click();
    await expect(asAdmin.getByText("Round closed. Its public page:")).toBeVisible();

    // The cached 404 carries the structure tag (the render read the round before answering 404), and closing expires it.
    const first = await request.get(`/rounds/${slug}`);
    expect(first.status()).toBe(200);
    expect(await first.text()).toContain("Reporting round: Closed after a visit");
    expect((await request.get(`/zh/rounds/${slug}`)).status()).toBe(200);
    // The page is an ISR page: the next request is served from the cache.
    const second = await request.get(`/rounds/${slug}`);
    expect(second.status()).toBe(200);
    const headers = second.headers();
    expect(headers["x-nextjs-cache"] === "HIT" || headers["x-response-cache"] === "HIT").toBe(true);
    expect(await second.text()).toContain("Reporting round: Closed after a visit");
  });

  test("two rounds can be compared action by action", async ({ asAdmin, page, request }) => {
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
    // Each pair is its own cached page.
    for (let i = 0; i < 2; i++) {
      const response = await request.get("/rounds/compare?from=before-correction&to=after-correction");
      expect(await response.text()).toContain('id="comparison-summary"');
      if (i === 1) expect(response.headers()["x-nextjs-cache"] === "HIT" || response.headers()["x-response-cache"] === "HIT").toBe(true);
    }

    await page.goto("/rounds/before-correction");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Reporting round: Before the correction");
  });
});
