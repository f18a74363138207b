import { expect, test } from "./fixtures";

test.describe("languages", () => {
  test("a first visit follows Accept-Language, until the reader picks a language", async ({ browser }) => {
    const chinese = await browser.newContext({ locale: "zh-CN", extraHTTPHeaders: { "Accept-Language": "zh-CN,zh;q=0.9,en;q=0.5" } });
    const page = await chinese.newPage();
    await page.goto("/");
    await expect(page).toHaveURL(/\/zh$/);
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-Hans");

    // Choosing English is remembered, so "/" stays English despite the header.
    await page.getByRole("navigation", { name: "语言" }).getByRole("link", { name: "English" }).click();
    await expect(page).toHaveURL(/localhost:\d+\/$/);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await page.goto("/");
    await expect(page).toHaveURL(/localhost:\d+\/$/);
    await chinese.close();
  });

  test("the switcher keeps the page and its past view; explicit /en URLs work", async ({ page }) => {
    await page.goto("/actions/A5?asOf=2025-06-01");
    await page.getByRole("navigation", { name: "Language" }).getByRole("link", { name: "中文" }).click();
    await expect(page).toHaveURL(/\/zh\/actions\/A5\?asOf=2025-06-01$/);
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-Hans");
    await expect(page.getByRole("region").first()).toBeVisible();

    const english = await page.goto("/en/actions/A5");
    expect(english?.status()).toBe(200);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    expect((await page.goto("/zh/admin"))?.url()).toContain("/login");
  });
});
