import type { BrowserContext, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { openTimedPaper, chromiumForFile } from "../support/browser";
import { studentCookie } from "../support/objective";
import { baseUrl } from "../support/ports";

const chromium = chromiumForFile();

async function signedIn(javaScriptEnabled: boolean, width = 1280): Promise<BrowserContext> {
  const context = await chromium.newContext({
    javaScriptEnabled,
    viewport: { width, height: width < 600 ? 740 : 900 },
  });
  const cookie = await studentCookie(javaScriptEnabled ? "browser-js" : "browser-nojs");
  await context.addCookies([{ ...cookie, url: baseUrl }]);
  return context;
}

/** Where an element sits against the viewport and the pinned bar, in CSS pixels. */
function placement(page: Page, selector: string) {
  return page.locator(selector).evaluate((el) => {
    const box = el.getBoundingClientRect();
    const bar = document.querySelector(".paper-bar")!.getBoundingClientRect();
    return { top: box.top, bottom: box.bottom, barBottom: bar.bottom, height: innerHeight };
  });
}

/** Answers every question but the last, the way a student clicks and types. */
async function answerAllButLast(page: Page): Promise<number> {
  const questions = page.locator("fieldset.question");
  const count = await questions.count();
  for (let i = 0; i < count - 1; i++) {
    const question = questions.nth(i);
    const text = question.locator("input[type=text]");
    if ((await text.count()) > 0) await text.fill("answer");
    else await question.locator("input").first().check();
  }
  return count;
}

for (const javaScriptEnabled of [false, true]) {
  describe(`Reading, Listening and mock tests in Chromium, JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
    it("takes a whole reading test on a phone, confirms the unanswered one and is marked", async () => {
      const context = await signedIn(javaScriptEnabled, 360);
      const page = await context.newPage();
      await openTimedPaper(page, `${baseUrl}/assessments/reading/new?module=academic`);
      await answerAllButLast(page);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(360);
      if (javaScriptEnabled) {
        await expect.poll(() => page.locator(".navigator a.answered").count()).toBeGreaterThan(30);
      }
      // The pinned bar keeps the clock and a folded navigator: a small part of a phone's screen.
      const bar = await placement(page, ".paper-bar");
      expect(bar.barBottom).toBeLessThan(bar.height * 0.3);
      await page.locator(".navigator-fold summary").click();
      await page.getByRole("link", { name: /^Question 20\b/ }).click();
      await expect
        .poll(async () => {
          const target = await placement(page, "#q-20");
          return target.top >= target.barBottom && target.top < target.height;
        })
        .toBe(true);

      await page.getByRole("button", { name: "Submit", exact: true }).click();
      // The confirmation shows where the student is, clear of the bar, and has the focus.
      await page.locator(".confirm").waitFor();
      await expect
        .poll(async () => {
          const box = await placement(page, ".confirm button");
          return box.top >= box.barBottom && box.bottom <= box.height;
        })
        .toBe(true);
      if (javaScriptEnabled) {
        expect(await page.evaluate(() => document.activeElement?.className)).toBe("confirm");
      }
      await page.screenshot({
        path: `test-results/reading-unanswered-js-${javaScriptEnabled ? "on" : "off"}-360.png`,
      });
      await page.getByRole("button", { name: "Submit anyway" }).click();
      await page.waitForURL(/\/assessments\/[0-9a-f-]{36}$/);
      // With JavaScript the URL changes before React has rendered the review: wait for it.
      await page.getByText("By question type").waitFor();
      const main = (await page.textContent("main")) ?? "";
      expect(main).toMatch(/Raw score\s*\d+ \/ 40/);
      await context.close();
    });

    it("loads and plays a listening part's recording", async () => {
      const context = await signedIn(javaScriptEnabled);
      const page = await context.newPage();
      await openTimedPaper(page, `${baseUrl}/assessments/listening/new`);
      expect(await page.locator("audio").count()).toBe(4);
      // Polled from the test rather than awaited in the page: with JavaScript off, the page
      // runs no timers or event listeners of its own, but its media element still plays.
      const audio = page.locator("audio").first();
      await audio.evaluate((a: HTMLAudioElement) => {
        a.muted = true;
        a.load();
      });
      await expect
        .poll(() => audio.evaluate((a: HTMLAudioElement) => a.duration || 0), { timeout: 15_000 })
        .toBeGreaterThan(60);
      await audio.evaluate((a: HTMLAudioElement) => void a.play());
      await expect
        .poll(() => audio.evaluate((a: HTMLAudioElement) => a.currentTime), { timeout: 15_000 })
        .toBeGreaterThan(0);
      await context.close();
    });

    it("takes Listening by reading the transcripts, and the band says so", async () => {
      const context = await signedIn(javaScriptEnabled, 360);
      const page = await context.newPage();
      await page.goto(`${baseUrl}/assessments/listening/new`);
      await page.getByLabel(/Read the transcripts instead of listening/).check();
      await page.getByRole("button", { name: "Start" }).click();
      await page.locator(".paper-bar").waitFor();
      // No recordings: each part is its script, speaker by speaker, beside its questions.
      expect(await page.locator("audio").count()).toBe(0);
      const paper = (await page.textContent("main")) ?? "";
      expect(paper).toContain("Taken by reading the transcripts instead of listening");
      expect(await page.locator(".stimulus p").count()).toBeGreaterThan(20);
      await answerAllButLast(page);
      await page.getByRole("button", { name: "Submit", exact: true }).click();
      await page.getByRole("button", { name: "Submit anyway" }).click();
      await page.waitForURL(/\/assessments\/[0-9a-f-]{36}$/);
      await page.getByText("By question type").waitFor();
      expect(await page.locator(".adjustment-note").textContent()).toContain(
        "not how you would do hearing them once in the exam",
      );
      await context.close();
    });

    it("takes Listening with free playback: the plain player, and the band says so", async () => {
      const context = await signedIn(javaScriptEnabled);
      const page = await context.newPage();
      await page.goto(`${baseUrl}/assessments/listening/new`);
      await page.getByLabel(/Free playback/).check();
      await page.getByRole("button", { name: "Start" }).click();
      await page.locator(".paper-bar").waitFor();
      expect(await page.locator("audio[controls]").count()).toBe(4);
      const paper = (await page.textContent("main")) ?? "";
      expect(paper).toContain("Taken with free playback");
      expect(paper).not.toContain("It cannot be rewound");
      await context.close();
    });

    it("resumes a mock test and its listening paper after a reload", async () => {
      const context = await signedIn(javaScriptEnabled);
      const page = await context.newPage();
      await page.goto(`${baseUrl}/mock-tests/new?module=general`);
      await page.getByRole("button", { name: "Start a new mock test" }).click();
      await page.waitForURL(/\/mock-tests\/[0-9a-f-]{36}$/);
      const mockUrl = page.url();
      await page.getByRole("link", { name: "Start Listening" }).click();
      await page.waitForURL(/\/assessments\/listening\/new\?/);
      await openTimedPaper(page, page.url());
      const first = page.locator("fieldset.question input[type=text]").first();
      await first.fill("resumed");
      if (javaScriptEnabled) {
        await page.locator(".save-status", { hasText: "Answers saved at" }).waitFor();
      } else {
        await page.getByRole("button", { name: "Save answers" }).click();
        await page.locator(".save-status", { hasText: "Answers saved." }).waitFor();
      }

      await page.goto(mockUrl);
      await page.reload();
      await page.getByRole("link", { name: "Continue Listening" }).click();
      await page.waitForURL(/\/assessments\/listening\/new\?/);
      expect(await page.locator("fieldset.question input[type=text]").first().inputValue()).toBe(
        "resumed",
      );
      await context.close();
    });
  });
}

describe("A listening recording interrupted, JavaScript on", () => {
  it("says where it stopped and carries on from there once the connection is back", async () => {
    const context = await signedIn(true);
    const page = await context.newPage();
    await openTimedPaper(page, `${baseUrl}/assessments/listening/new`);
    await page.locator(".countdown").waitFor();
    const audio = page.locator("audio").first();
    await audio.evaluate((a: HTMLAudioElement) => {
      a.muted = true;
      void a.play();
    });
    await expect
      .poll(() => audio.evaluate((a: HTMLAudioElement) => a.currentTime), { timeout: 15_000 })
      .toBeGreaterThan(1.2);
    await audio.evaluate((a: HTMLAudioElement) => a.pause());

    // A reload mid-part carries on where the student was, not from the start.
    await page.reload();
    await page.locator(".countdown").waitFor();
    await expect
      .poll(() => audio.evaluate((a: HTMLAudioElement) => a.currentTime), { timeout: 15_000 })
      .toBeGreaterThanOrEqual(1);

    // The connection drops: every request for the recording fails.
    await page.route("**/_static/audio/**", (route) => route.abort("internetdisconnected"));
    await audio.evaluate((a: HTMLAudioElement) => a.load());
    const alert = page.getByRole("alert").filter({ hasText: "The recording stopped at" });
    await alert.waitFor();
    expect(await alert.textContent()).toContain("0:01");

    await page.unroute("**/_static/audio/**");
    await page.getByRole("button", { name: "Carry on from 0:01" }).click();
    await expect
      .poll(() => audio.evaluate((a: HTMLAudioElement) => (a.paused ? 0 : a.currentTime)), {
        timeout: 15_000,
      })
      .toBeGreaterThan(1);
    expect(await alert.count()).toBe(0);
    await context.close();
  });
});

describe("Reading highlights in Chromium, JavaScript on", () => {
  /** Selects characters [from, to) of the passage's first long run of text, then lifts the pointer. */
  const select = (page: Page, from: number, to: number) =>
    page.evaluate(
      ([a, b]) => {
        const paragraph = document.querySelector("[data-highlightable] p")!;
        const text = [...paragraph.childNodes].find(
          (n): n is Text => n.nodeType === Node.TEXT_NODE && (n.textContent ?? "").length > 40,
        )!;
        const chosen = text.textContent!.slice(a, b);
        const range = document.createRange();
        range.setStart(text, a!);
        range.setEnd(text, b!);
        const selection = window.getSelection()!;
        selection.removeAllRanges();
        selection.addRange(range);
        document.dispatchEvent(new MouseEvent("mouseup", { bubbles: true }));
        return chosen;
      },
      [from, to],
    );
  const marks = (page: Page) => page.locator("mark.highlight").allTextContents();

  it("keeps a highlight through a reload, and forgets it once tapped away", async () => {
    const context = await signedIn(true);
    const page = await context.newPage();
    await openTimedPaper(page, `${baseUrl}/assessments/reading/new?module=general`);
    await page.locator(".countdown").waitFor();
    // The server renders the paper before React attaches the listener: select again until a
    // mark appears.
    let expected = "";
    await expect
      .poll(async () => {
        if ((await marks(page)).length === 0) expected = await select(page, 4, 20);
        return marks(page);
      })
      .toHaveLength(1);
    expect(expected).toHaveLength(16);
    expect(await marks(page)).toEqual([expected]);

    await page.reload();
    await page.locator(".countdown").waitFor();
    await expect.poll(() => marks(page)).toEqual([expected]);

    await page.locator("mark.highlight").click();
    expect(await marks(page)).toEqual([]);
    const stored = await page.evaluate(() =>
      Object.entries(localStorage).filter(([key]) => key.startsWith("highlights:")),
    );
    expect(stored).toEqual([[expect.any(String), "[]"]]);
    await page.reload();
    await page.locator(".countdown").waitFor();
    expect(await marks(page)).toEqual([]);
    await context.close();
  });
});
