import { chromium, type Browser, type Page } from "playwright-core";

// Debian's Chromium, started the way this closed network needs: no background connections.
// Tests add flags of their own, e.g. a fake microphone.
export async function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
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
