import type { Locator } from "playwright-core";
import { describe, expect, it } from "vitest";
import { GOOD_ESSAY } from "../../src/scoring/writing/fixtures/essays";
import { seriousViolations } from "../support/axe";
import { openTimedPaper, chromiumForFile, PHONE } from "../support/browser";
import { baseUrl } from "../support/ports";
import { createStudent } from "../support/users";

const SPOKEN = [
  "I work in a small bakery near the station, and I enjoy it because I meet a lot of people every morning.",
  "I would like to describe a park near my home where I often walk in the evening. It has a lake, some old trees and a small cafe, and I go there with my sister when the weather is fine.",
  "I think cities should keep more green spaces, because people need somewhere to relax, although land is expensive and councils have to balance parks against housing.",
];

const chromium = chromiumForFile();

/** Whether the element is wholly on screen, where the student is looking. */
async function onScreen(locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox();
  return box !== null && box.y >= 0 && box.y + box.height <= PHONE.height;
}

for (const javaScriptEnabled of [false, true]) {
  const mode = javaScriptEnabled ? "on" : "off";
  describe(`a student's mock test on a 360 px phone, JavaScript ${mode}`, () => {
    it("takes all four skills, confirms what needs confirming, and every page passes axe", async () => {
      // bypassCSP lets the test inject axe-core; the pages' own scripts run under the CSP.
      const context = await chromium.newContext(
        { javaScriptEnabled, viewport: PHONE, bypassCSP: true },
        await createStudent(`journey-${mode}`),
      );
      const page = await context.newPage();
      const violations: Record<string, string[]> = {};
      const check = async (name: string) => {
        const found = await seriousViolations(page, { javaScriptEnabled });
        if (found.length) violations[name] = found;
      };
      const backToMock = async () => {
        await page.getByRole("link", { name: "Back to your mock test" }).first().click();
        await page.waitForURL(/\/mock-tests\/[0-9a-f-]{36}$/);
        await page.getByRole("heading", { name: /^Mock test/ }).waitFor();
      };
      const startStep = async (name: string) => {
        await page.getByRole("link", { name: `Start ${name}` }).click();
        await page.waitForURL(/\/assessments\/[a-z]+\/new\?/);
        await page.getByRole("heading", { level: 1 }).waitFor();
        await check(`${name} introduction`);
      };

      await page.goto(`${baseUrl}/dashboard`);
      await check("dashboard");
      await page.goto(`${baseUrl}/mock-tests/new?module=academic`);
      await check("new mock test");
      await page.getByRole("button", { name: "Start a new mock test" }).click();
      await page.waitForURL(/\/mock-tests\/[0-9a-f-]{36}$/);
      await check("mock test");

      for (const name of ["Listening", "Reading"]) {
        await startStep(name);
        await openTimedPaper(page, page.url());
        await check(`${name} paper`);
        await page.getByRole("button", { name: "Submit", exact: true }).click();
        const anyway = page.getByRole("button", { name: "Submit anyway" });
        await anyway.waitFor();
        expect(await onScreen(anyway)).toBe(true);
        await check(`${name} unanswered confirmation`);
        await anyway.click();
        await page.waitForURL(/\/assessments\/[0-9a-f-]{36}$/);
        await page.getByText("By question type").waitFor();
        await check(`${name} review`);
        await backToMock();
      }

      await startStep("Writing Task 1");
      await openTimedPaper(page, page.url());
      await check("Writing Task 1 page");
      await page.fill("#response", "I think technology is very good.");
      await page.getByRole("button", { name: "Submit for scoring" }).click();
      const short = page.getByRole("heading", { name: "Your answer has 6 words" });
      await short.waitFor();
      expect(await onScreen(short)).toBe(true);
      expect(await page.inputValue("#response")).toBe("I think technology is very good.");
      await page.screenshot({ path: `test-results/short-essay-js-${mode}-360.png` });
      await check("short answer confirmation");
      await page.getByRole("button", { name: "Submit anyway" }).click();
      await page.waitForURL(/\/assessments\/[0-9a-f-]{36}(\?.*)?$/);
      await page.getByRole("link", { name: "Back to your mock test" }).first().waitFor();
      await check("scoring or result page");
      await backToMock();
      expect(await page.getByRole("link", { name: "Start Writing Task 1" }).count()).toBe(0);

      await startStep("Writing Task 2");
      await openTimedPaper(page, page.url());
      await page.fill("#response", GOOD_ESSAY);
      await page.getByRole("button", { name: "Submit for scoring" }).click();
      await page.waitForURL(/\/assessments\/[0-9a-f-]{36}(\?.*)?$/);
      await backToMock();

      await page.getByRole("link", { name: "Start Speaking" }).click();
      await page.waitForURL(/\/assessments\/speaking\/new\?/);
      await check("Speaking page");
      for (const [i, text] of SPOKEN.entries()) await page.fill(`#transcript-${i + 1}`, text);
      await page.getByRole("button", { name: "Submit for scoring" }).click();
      await page.waitForURL(/\/assessments\/[0-9a-f-]{36}(\?.*)?$/);
      await backToMock();

      // Every part counts where it was taken; the overall band comes once all are scored.
      const overall = page.getByRole("heading", { name: /^Overall band \d\.\d$/ });
      await expect
        .poll(
          async () => {
            await page.reload();
            return overall.count();
          },
          { timeout: 150_000, interval: 3_000 },
        )
        .toBe(1);
      await check("finished mock test");
      await page.screenshot({ path: `test-results/mock-done-js-${mode}-360.png`, fullPage: true });
      await page.getByRole("link", { name: "Report" }).nth(2).click();
      await page.getByText("Overall band").first().waitFor();
      await check("writing result");
      await page.goto(`${baseUrl}/profile`);
      await check("progress");

      expect(violations).toEqual({});
      await context.close();
    }, 300_000);
  });
}
