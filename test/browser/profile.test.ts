import { describe, expect, it } from "vitest";
import { chromiumForFile, PHONE } from "../support/browser";
import { baseUrl } from "../support/ports";
import { createStudent } from "../support/users";
import { scoredAssessment, task2 } from "../support/assessments";
import { scoringResult } from "../support/results";

const chromium = chromiumForFile();

const SCORES = [
  {
    day: "2025-01-10",
    skill: "writing",
    overall: 5.5,
    criteria: { TR: 5.5, CC: 5, LR: 6, GRA: 5.5 },
  },
  { day: "2025-02-07", skill: "speaking", overall: 6, criteria: { FC: 6, LR: 6, GRA: 5.5 } },
  { day: "2025-02-21", skill: "writing", overall: 6, criteria: { TR: 6, CC: 6, LR: 6, GRA: 5.5 } },
  {
    day: "2025-03-14",
    skill: "writing",
    overall: 6.5,
    criteria: { TR: 7, CC: 6.5, LR: 6, GRA: 6 },
  },
  { day: "2025-03-20", skill: "speaking", overall: 6.5, criteria: { FC: 7, LR: 6.5, GRA: 6 } },
] as const;

describe("profile in Chromium, JavaScript off", () => {
  it("shows the charts within a 360 px screen", async () => {
    const user = await createStudent("profile-browser");
    for (const s of SCORES) {
      await scoredAssessment(
        {
          userId: user.userId,
          skill: s.skill,
          status: "queued",
          submission:
            s.skill === "writing"
              ? task2("Some people think cities should ban cars from the centre.", "An essay.")
              : { kind: "speaking", module: "academic", setId: "sp-useful-app", parts: [] },
          now: new Date(`${s.day}T09:00:00.000Z`),
        },
        scoringResult(s.criteria, s.overall),
      );
    }
    const context = await chromium.newContext({ javaScriptEnabled: false, viewport: PHONE }, user);
    const page = await context.newPage();
    await page.goto(`${baseUrl}/profile`);

    const timeline = page.getByRole("img", { name: "Overall band over time" });
    await timeline.waitFor();
    const box = await timeline.boundingBox();
    expect(box?.width).toBeGreaterThan(250);
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(360);
    expect(await page.locator("svg.chart-svg polyline").count()).toBe(2);
    expect(
      await page.getByRole("img", { name: /Writing: latest band and your average/ }).count(),
    ).toBe(1);
    expect(await page.locator(".history-item").count()).toBe(SCORES.length);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);
    await page.screenshot({ path: "test-results/profile-360.png", fullPage: true });

    await page.getByRole("link", { name: "Speaking", exact: true }).click();
    await page.waitForURL(`${baseUrl}/profile?skill=speaking`);
    expect(await page.locator(".history-item").count()).toBe(2);
    await context.close();
  });
});
