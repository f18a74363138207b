import { expect, runInfo, test } from "./fixtures";

test.describe("public dashboard", () => {
  test("shows this server's own database from the first request", async ({ page, request }) => {
    const info = runInfo();
    // The build ran with no reachable database; this run's database holds a unique published update.
    await page.goto("/");
    await expect(page.getByText(`Group of Friends meeting recorded by ${info.runId}`)).toBeVisible();
    const health = await request.get("/api/health");
    expect(health.status()).toBe(200);
    expect(await health.json()).toEqual({ status: "ok", db: info.db, database: "up" });
  });

  test("the overview shows three charts, each with a summary and a data table", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("AI Capacity-Building Action Plan");
    for (const title of ["Actions by status", "Progress per action", "Progress per vision"]) {
      const figure = page.locator("figure").filter({ has: page.getByRole("heading", { name: title }) });
      await expect(figure).toBeVisible();
      await expect(figure.locator("svg.recharts-surface").first()).toBeVisible();
      await figure.getByText("Show data as a table").click();
      await expect(figure.getByRole("table")).toBeVisible();
    }
    const actionTable = page.locator("figure").filter({ has: page.getByRole("heading", { name: "Progress per action" }) }).getByRole("table");
    // One header row plus the ten actions.
    await expect(actionTable.getByRole("row")).toHaveCount(11);
    await expect(actionTable.getByRole("link", { name: "A6" })).toBeVisible();
  });

  test("filters the action list through the URL", async ({ page }) => {
    await page.goto("/actions");
    await page.getByLabel("Vision").selectOption("V5");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/vision=V5/);
    await expect(page.getByText(/Showing 3 of 10 actions/)).toBeVisible();
    await page.goto("/actions?status=on_track&vision=V5");
    await expect(page.getByLabel("Status")).toHaveValue("on_track");
    await expect(page.getByRole("link", { name: "A6", exact: true }).first()).toBeVisible();
  });

  test("filtered lists, comparisons and past embeds are cached pages, one per query", async ({ request }) => {
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const fromCache = (headers: Record<string, string>) => headers["x-nextjs-cache"] === "HIT" || headers["x-response-cache"] === "HIT";
    const cases: [string, string][] = [
      ["/actions?status=on_track", "Showing"],
      ["/zh/actions?vision=V5&status=on_track", "当前显示"],
      [`/actions?asOf=${yesterday}&status=on_track`, "Past view"],
      ["/rounds/compare?from=no-such-round&to=nor-this", "There is no closed reporting round called “no-such-round”."],
      [`/embed/status?asOf=${yesterday}`, "actions by status"],
      [`/embed/actions/A6?asOf=${yesterday}`, "A6"],
    ];
    for (const [path, text] of cases) {
      const first = await request.get(path);
      expect(first.status(), path).toBe(200);
      const second = await request.get(path);
      expect(second.status(), path).toBe(200);
      expect(fromCache(second.headers()), path).toBe(true);
      expect(await second.text(), path).toContain(text);
    }
    // The filter stays in the response: another filter is another page.
    expect(await (await request.get("/actions?status=on_track")).text()).toMatch(/Showing (<!-- -->)?\d+(<!-- -->)? of/);
    // A past embed may still be framed by any site; a bad date is a 404, as before.
    const embed = await request.get(`/embed/progress?asOf=${yesterday}`);
    expect(embed.headers()["content-security-policy"]).toContain("frame-ancestors *");
    expect(embed.headers()["x-frame-options"]).toBeUndefined();
    expect((await request.get("/embed/status?asOf=2025-02-30")).status()).toBe(404);
    expect((await request.get("/embed/status?round=no-such-round")).status()).toBe(404);
  });

  test("an action page shows provenance, the unverified badge and the timeline", async ({ page }) => {
    await page.goto("/actions/A7");
    await expect(page.getByText("Unverified title").first()).toBeVisible();
    await expect(page.getByText("No published assessment yet").first()).toBeVisible();
    await page.goto("/actions/A6");
    await expect(page.getByRole("heading", { name: "Timeline of published updates" })).toBeVisible();
    await expect(page.getByRole("link", { name: /example\.org\/e2e/ })).toBeVisible();
    const missing = await page.goto("/actions/A99");
    expect(missing?.status()).toBe(404);
  });

  test("a vision page rolls up its actions", async ({ page }) => {
    await page.goto("/visions/V5");
    await expect(page.getByRole("heading", { name: "Rolled-up progress" })).toBeVisible();
    const table = page.getByRole("table", { name: /Actions contributing to vision V5/ });
    await expect(table.getByRole("row")).toHaveCount(4);
  });

  test("the JSON API serves published data only", async ({ request }) => {
    const actions = await (await request.get("/api/v1/actions")).json();
    expect(actions.data).toHaveLength(10);
    expect(actions.data[0]).toEqual(
      expect.objectContaining({ code: "A1", title: expect.any(String), status: expect.any(String), visions: [{ code: "V1", weight: 1 }] }),
    );
    const a6 = actions.data.find((a: { code: string }) => a.code === "A6");
    expect(a6).toMatchObject({ status: "on_track", percent: 40 });
    const visions = await (await request.get("/api/v1/visions")).json();
    expect(visions.data.map((v: { code: string }) => v.code)).toEqual(["V1", "V2", "V3", "V4", "V5"]);
  });
});
