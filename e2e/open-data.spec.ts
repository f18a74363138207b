import { unzipSync, strFromU8 } from "fflate";
import { expect, test } from "./fixtures";

test.describe("open data out", () => {
  test("the download-all ZIP holds every dataset, the dictionary and the licence", async ({ page }) => {
    await page.goto("/downloads");
    await expect(page.getByRole("heading", { name: "Open data downloads" })).toBeVisible();
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download everything (ZIP)" }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.zip$/);
    const path = await download.path();
    const { readFileSync } = await import("node:fs");
    const files = unzipSync(new Uint8Array(readFileSync(path)));
    const names = Object.keys(files).map((n) => n.split("/").pop());
    for (const expected of ["visions.csv", "actions.csv", "action_visions.csv", "updates.csv", "visions.json", "updates.json", "data-dictionary.md", "LICENSE.txt"]) {
      expect(names).toContain(expected);
    }
    const actionsCsv = Object.entries(files).find(([n]) => n.endsWith("actions.csv"))?.[1];
    expect(strFromU8(actionsCsv ?? new Uint8Array()).split("\r\n")[0]).toContain("code,title,title_verified");
  });

  test("the downloads page is served from the cache, with absolute embed snippets", async ({ page, request }) => {
    await request.get("/downloads");
    const again = await request.get("/downloads");
    expect(again.status()).toBe(200);
    expect(again.headers()["x-nextjs-cache"] === "HIT" || again.headers()["x-response-cache"] === "HIT").toBe(true);
    await page.goto("/downloads");
    await expect(page.getByText("Download everything (ZIP)")).toBeVisible();
    await expect(page.locator("pre code").first()).toContainText(/<iframe src="https?:\/\/[^"/]+\/embed\/status"/);
  });

  test("CSV downloads are UTF-8, with a byte-order mark on request", async ({ request }) => {
    const plain = await request.get("/api/downloads/actions.csv");
    expect(plain.headers()["content-type"]).toContain("text/csv");
    expect(plain.headers()["content-disposition"]).toMatch(/attachment; filename="plan-tracker-actions-.*\.csv"/);
    const withBom = await request.get("/api/downloads/actions.csv?bom=1");
    expect([...(await withBom.body()).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect((await request.get("/api/downloads/nothing.csv")).status()).toBe(404);
  });

  test("an embed page shows one chart and may be framed; other pages may not", async ({ page, request }) => {
    const response = await page.goto("/embed/status");
    expect(response?.headers()["content-security-policy"]).toContain("frame-ancestors *");
    expect(response?.headers()["x-frame-options"]).toBeUndefined();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("actions by status");
    await expect(page.locator("svg.recharts-surface").first()).toBeVisible();
    await page.getByText("Show data as a table").click();
    await expect(page.getByRole("table")).toBeVisible();
    await expect(page.getByRole("navigation")).toHaveCount(0);
    const home = await request.get("/");
    expect(home.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(home.headers()["x-frame-options"]).toBe("DENY");
  });

  test("the Atom feed lists published updates", async ({ request }) => {
    const feed = await request.get("/api/feeds/updates");
    expect(feed.headers()["content-type"]).toContain("application/atom+xml");
    const xml = await feed.text();
    expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
    expect(xml).toContain("<entry>");
  });
});
