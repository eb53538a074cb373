import { describe, expect, it } from "vitest";
import { putPurchase } from "../../src/data/purchases";
import { scoredAssessment, task2 } from "../support/assessments";
import { chromiumForFile, PHONE, scriptErrors } from "../support/browser";
import { baseUrl } from "../support/ports";
import { scoringResult } from "../support/results";
import { createStudent } from "../support/users";

const chromium = chromiumForFile();

describe("student pages in Chromium, JavaScript on", () => {
  it("runs every page's script without an error, with a result and a purchase to show", async () => {
    const student = await createStudent("pages-js-on");
    const scored = await scoredAssessment(
      {
        userId: student.userId,
        skill: "writing",
        status: "queued",
        submission: task2("A prompt.", "An essay."),
      },
      scoringResult({ TR: 6, CC: 6, LR: 6, GRA: 6 }, 6),
    );
    const at = new Date().toISOString();
    await putPurchase({
      purchaseId: `apple#pages-js-on-${student.userId.slice(0, 8)}`,
      store: "apple",
      userId: student.userId,
      productId: "speaking.pack",
      tierId: "speaking",
      credits: 20,
      environment: "Sandbox",
      status: "granted",
      purchasedAt: at,
      createdAt: at,
    });
    const context = await chromium.newContext({ viewport: PHONE }, student);
    const page = await context.newPage();
    const errors = scriptErrors(page);
    await page.goto(`${baseUrl}/practice`);
    const drill = await page.locator('a[href^="/practice/"]').first().getAttribute("href");
    for (const path of [
      "/",
      "/dashboard",
      "/practice",
      String(drill),
      "/practice/objective?type=true-false-not-given",
      "/profile",
      `/assessments/${scored.assessmentId}`,
      "/assessments/writing/new?task=2&module=academic",
      "/assessments/speaking/new",
      "/assessments/reading/new?module=academic",
      "/mock-tests/new?module=general",
      "/account",
      "/account/devices",
      "/account/purchases",
      "/account/password",
      "/account/delete",
      "/pricing",
      "/privacy",
      "/assessment-structure",
      "/assessment-structure/academic",
    ]) {
      await page.goto(`${baseUrl}${path}`);
      await page.waitForLoadState("networkidle");
      expect(await page.locator("h1").count(), path).toBeGreaterThan(0);
    }
    expect(errors).toEqual([]);
    await context.close();
  });
});
