import { mkdir } from "node:fs/promises";
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Page,
} from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import type { User } from "../../src/data/users";
import { baseUrl } from "./ports";
import { sessionCookieFor } from "./users";

/** The phone-sized screen the browser tests use. */
export const PHONE = { width: 360, height: 740 };

// Debian's Chromium, started the way this closed network needs: no background connections.
// Tests add flags of their own, e.g. a fake microphone.
async function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      ...extraArgs,
    ],
  });
}

/** Chromium as a test file holds it: started before its tests, closed after them. */
export interface TestBrowser {
  /**
   * A fresh context with `options`; signed in as `user` when one is given, with the session
   * cookie a browser holds after logging in.
   */
  newContext(options: BrowserContextOptions, user?: User): Promise<BrowserContext>;
}

/**
 * Starts Chromium (with `extraArgs`) in the file's beforeAll, with test-results/ ready for
 * screenshots, and closes it in its afterAll.
 */
export function chromiumForFile(extraArgs: readonly string[] = []): TestBrowser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium(extraArgs);
    await mkdir("test-results", { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    async newContext(options, user) {
      if (!browser) throw new Error("Chromium has not started: call newContext inside a test");
      const context = await browser.newContext(options);
      if (user) await context.addCookies([{ ...(await sessionCookieFor(user)), url: baseUrl }]);
      return context;
    },
  };
}

/**
 * Opens a timed paper (Reading, Listening, a writing task) the way a student does: the page
 * shows its introduction, and Start (a POST) opens the paper, resuming one already open.
 */
export async function openTimedPaper(page: Page, url: string): Promise<void> {
  await page.goto(url);
  const start = page.locator('button[name="intent"][value="start"]');
  if ((await start.count()) === 0) return;
  await start.click();
  await start.waitFor({ state: "detached" });
}

/**
 * The script errors `page` meets from now on: thrown errors and console errors. A page whose
 * script fails still shows what the server drew, so only these tell.
 */
export function scriptErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(`${page.url()}: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`${page.url()}: ${message.text()}`);
  });
  return errors;
}

/** Opens each path in turn and lets its scripts settle; how many `h1`s each page has. */
export async function headingsOn(page: Page, paths: readonly string[]) {
  const headings: [string, number][] = [];
  for (const path of paths) {
    await page.goto(`${baseUrl}${path}`);
    await page.waitForLoadState("networkidle");
    headings.push([path, await page.locator("h1").count()]);
  }
  return headings;
}
