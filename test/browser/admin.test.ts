import { describe, expect, it } from "vitest";
import { addDaily } from "../../src/data/daily-stats";
import { createContentReport, getContentReport } from "../../src/data/content-reports";
import { scoredEssay } from "../support/assessments";
import { seriousViolations } from "../support/axe";
import { chromiumForFile, headingsOn, scriptErrors } from "../support/browser";
import { baseUrl } from "../support/ports";
import { createAdmin, createStudent } from "../support/users";

const chromium = chromiumForFile();

const VIEWPORTS = [
  { width: 360, height: 740 },
  { width: 1280, height: 900 },
];

async function adminPage(viewport: { width: number; height: number }) {
  const admin = await createAdmin("admin-browser");
  const context = await chromium.newContext({ javaScriptEnabled: false, viewport }, admin);
  return { context, page: await context.newPage() };
}

describe("admin pages in Chromium, JavaScript off", () => {
  it("draws the dashboard's charts beside their tables, with no serious axe findings", async () => {
    // Two days of counters, so that every chart has a line to draw.
    const today = new Date();
    const yesterday = new Date(today.getTime() - 86_400_000);
    for (const day of [today, yesterday].map((d) => d.toISOString().slice(0, 10))) {
      await addDaily("assessments", day, { writing: 3, speaking: 1 });
      await addDaily("latency", day, { "le-10": 2, "le-60": 1 });
      await addDaily("scoring", day, { scored: 3, failed: 1, fallback: 1 });
      await addDaily("cost-usd", day, { bedrock: 0.002 });
      await addDaily("accounts", day, { joined: 2 });
    }
    for (const viewport of VIEWPORTS) {
      const { context, page } = await adminPage(viewport);
      await page.goto(`${baseUrl}/admin`);
      await page.getByRole("heading", { name: "Dashboard", level: 1 }).waitFor();
      await page
        .getByRole("img", { name: /Assessments per day by skill/ })
        .first()
        .waitFor();
      expect(await page.locator("svg.chart-svg").count()).toBe(5);
      expect(await page.getByRole("table").count()).toBeGreaterThanOrEqual(5);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(viewport.width);
      expect(await seriousViolations(page, { javaScriptEnabled: false })).toEqual([]);
      await page.screenshot({
        path: `test-results/admin-dashboard-${viewport.width}.png`,
        fullPage: true,
      });
      await context.close();
    }
  });

  it("resolves a report from the queue with a note, with no serious axe findings", async () => {
    const student = await createStudent("queue-browser");
    const a = await scoredEssay(student.userId, 5);
    const report = await createContentReport({
      userId: student.userId,
      assessmentId: a.assessmentId,
      reason: "wrong",
      comment: "Browser queue report",
    });
    for (const viewport of VIEWPORTS) {
      const { context, page } = await adminPage(viewport);
      await page.goto(`${baseUrl}/admin/reports`);
      await page.getByRole("heading", { name: "Content reports", level: 1 }).waitFor();
      expect(await seriousViolations(page, { javaScriptEnabled: false })).toEqual([]);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(viewport.width);
      if (viewport.width === 360) {
        const item = page.locator("li", { hasText: "Browser queue report" });
        await item.getByLabel("Note to the student").fill("Checked: the band stands.");
        await item.getByRole("button", { name: "Resolve" }).click();
        await page.getByText("Resolved: the student sees your note").waitFor();
        expect((await getContentReport(report.reportId))?.status).toBe("resolved");
        expect(await seriousViolations(page, { javaScriptEnabled: false })).toEqual([]);
      }
      await context.close();
    }
  });
});

describe("admin pages in Chromium, JavaScript on", () => {
  it("runs every admin page's script without an error", async () => {
    const student = await createStudent("admin-js-on");
    const scored = await scoredEssay(student.userId, 5);
    const admin = await createAdmin("admin-js-on");
    const context = await chromium.newContext({ viewport: VIEWPORTS[1] }, admin);
    const page = await context.newPage();
    const errors = scriptErrors(page);
    await page.goto(`${baseUrl}/admin/questions`);
    const question = await page
      .locator('a[href^="/admin/questions/"]')
      .first()
      .getAttribute("href");
    const headings = await headingsOn(page, [
      "/admin",
      "/admin/users",
      `/admin/users/${student.userId}`,
      "/admin/assessments",
      `/admin/assessments/${scored.assessmentId}`,
      "/admin/questions",
      String(question),
      "/admin/reports",
      "/admin/rubrics",
      "/admin/safety",
      "/admin/audit",
    ]);
    for (const [path, count] of headings) expect(count, path).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });
});
