import { describe, expect, it } from "vitest";
import { scoredEssay } from "../support/assessments";
import { chromiumForFile, headingsOn, PHONE, scriptErrors } from "../support/browser";
import { baseUrl } from "../support/ports";
import { speakingPackBought } from "../support/purchases";
import { createStudent } from "../support/users";

const chromium = chromiumForFile();

describe("student pages in Chromium, JavaScript on", () => {
  it("runs every page's script without an error, with a result and a purchase to show", async () => {
    const student = await createStudent("pages-js-on");
    const scored = await scoredEssay(student.userId, 6);
    await speakingPackBought(student.userId, `apple#pages-js-on-${student.userId.slice(0, 8)}`);
    const context = await chromium.newContext({ viewport: PHONE }, student);
    const page = await context.newPage();
    const errors = scriptErrors(page);
    await page.goto(`${baseUrl}/practice`);
    const drill = await page.locator('a[href^="/practice/"]').first().getAttribute("href");
    const headings = await headingsOn(page, [
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
    ]);
    for (const [path, count] of headings) expect(count, path).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});
