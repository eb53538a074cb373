import type { BrowserContext } from "playwright-core";
import { describe, expect, it } from "vitest";
import { GOOD_ESSAY } from "../../src/scoring/writing/fixtures/essays";
import { openTimedPaper, chromiumForFile, PHONE } from "../support/browser";
import { baseUrl } from "../support/ports";
import { createStudent } from "../support/users";

const chromium = chromiumForFile();

async function phoneAsNewStudent(javaScriptEnabled: boolean): Promise<BrowserContext> {
  return chromium.newContext(
    { javaScriptEnabled, viewport: PHONE },
    await createStudent(javaScriptEnabled ? "js" : "nojs"),
  );
}

for (const javaScriptEnabled of [false, true]) {
  const mode = javaScriptEnabled ? "on" : "off";
  describe(`writing in Chromium, JavaScript ${mode}`, () => {
    it("saves a draft that survives a reload, then submits and shows marked feedback", async () => {
      const context = await phoneAsNewStudent(javaScriptEnabled);
      const page = await context.newPage();
      const url = `${baseUrl}/assessments/writing/new?task=2&module=academic`;
      await openTimedPaper(page, url);
      const draft = GOOD_ESSAY.slice(0, 300);
      await page.fill("#response", draft);
      if (javaScriptEnabled) {
        await expect
          .poll(() => page.locator(".essay-saved").textContent(), { timeout: 20_000 })
          .toContain("Draft saved");
        expect(await page.locator(".essay-status").textContent()).toMatch(/\d+ words/);
      } else {
        await page.getByRole("button", { name: "Save draft" }).click();
        await page.getByText("Draft saved.").waitFor();
      }
      await page.goto(url);
      expect(await page.inputValue("#response")).toBe(draft);
      await page.screenshot({
        path: `test-results/writing-page-js-${mode}-360.png`,
        fullPage: true,
      });

      await page.fill("#response", GOOD_ESSAY);
      await page.getByRole("button", { name: "Submit for scoring" }).click();
      await page.waitForURL(/\/assessments\/[0-9a-f-]{36}$/);
      await page.getByText("Overall band").waitFor({ timeout: 90_000 });
      expect(await page.locator(".highlighted-text").count()).toBe(1);
      expect(await page.locator("table.criteria tr").count()).toBe(4);
      // Scored offline here, so the page gives the scorer's measured agreement and a range.
      expect(await page.locator('section[aria-labelledby="how-sure"]').innerText()).toMatch(
        /within one band of the examiner for \d+%[\s\S]*most likely between \d\.\d and \d\.\d/,
      );
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(360);
      await page.screenshot({
        path: `test-results/result-page-js-${mode}-360.png`,
        fullPage: true,
      });
      await context.close();
    });

    it("shows the Academic Task 1 visual, and it fits the phone", async () => {
      const context = await phoneAsNewStudent(javaScriptEnabled);
      const page = await context.newPage();
      const errors: string[] = [];
      page.on("pageerror", (error) => errors.push(error.message));
      await openTimedPaper(page, `${baseUrl}/assessments/writing/new?task=1&module=academic`);
      // Questions are drawn at random: charts are SVG images, a table visual is a real table.
      const chart = page.locator(".task-prompt figure.chart").first();
      await chart.waitFor();
      expect(await chart.isVisible()).toBe(true);
      expect(await chart.locator("svg[role=img], table").count()).toBeGreaterThan(0);
      const box = await chart.boundingBox();
      expect(box?.width ?? 0).toBeGreaterThan(200);
      expect(box?.width ?? 999).toBeLessThanOrEqual(360);
      await page.screenshot({
        path: `test-results/task1-chart-js-${mode}-360.png`,
        fullPage: true,
      });
      await context.close();
    });
  });
}
