import { expect, test } from "./fixtures";

const header = "action_code,status,percent,narrative,evidence_links,occurred_on";

test.describe("CSV import", () => {
  test("a bad file gets a per-row report and writes nothing; a good one is imported after the check", async ({ asAnalyst, asAdmin }) => {
    const stamp = Date.now();
    await asAnalyst.goto("/admin/import");
    await expect(asAnalyst.getByRole("heading", { level: 1, name: "Import from CSV" })).toBeVisible();

    const bad = [header, `A1,in_progress,40,Imported good row ${stamp},https://example.org/a,2025-05-01`, `A99,on_track,140,Bad row ${stamp},javascript:alert(1),2025-05-01`].join("\r\n");
    await asAnalyst.getByLabel("CSV file").setInputFiles({ name: "bad.csv", mimeType: "text/csv", buffer: Buffer.from(bad) });
    await asAnalyst.getByRole("button", { name: "Check file" }).click();
    await expect(asAnalyst.getByRole("heading", { name: "Check result" })).toBeVisible();
    const problems = asAnalyst.getByRole("table", { name: "Problems found" });
    await expect(problems).toBeVisible();
    for (const column of ["action_code", "percent", "evidence_links"]) {
      await expect(problems.getByRole("row").filter({ hasText: column }).first()).toContainText("3");
    }
    await expect(asAnalyst.getByText("Nothing was saved. Fix the problems and check the file again.")).toBeVisible();
    await expect(asAnalyst.getByRole("button", { name: /^Import \d+ rows?$/ })).toHaveCount(0);

    const good = [header, `A2,in_progress,25,Imported row one ${stamp},https://example.org/1,2025-05-01`, `A3,on_track,55,"Imported row two ${stamp}, with a comma",,2025-05-02`].join("\r\n");
    await asAnalyst.getByLabel("CSV file").setInputFiles({ name: "good.csv", mimeType: "text/csv", buffer: Buffer.from(good) });
    await asAnalyst.getByRole("button", { name: "Check file" }).click();
    await expect(asAnalyst.getByText("No problems found.")).toBeVisible();
    await asAnalyst.getByRole("button", { name: "Import 2 rows" }).click();
    await expect(asAnalyst.getByText("Imported: 2 new updates submitted for review.")).toBeVisible();

    // Imported updates wait for review like any other; the rejected file left nothing behind.
    await asAdmin.goto("/admin/review");
    await expect(asAdmin.locator("article").filter({ hasText: `Imported row one ${stamp}` })).toBeVisible();
    await expect(asAdmin.locator("article").filter({ hasText: `Imported good row ${stamp}` })).toHaveCount(0);
  });
});
