import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";

const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve("axe-core/axe.min.js"),
  "utf8",
);

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

async function runAxe(page: Page): Promise<Violation[]> {
  await page.addScriptTag({ content: AXE_SOURCE });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (c: Document) => Promise<unknown> } }).axe;
    return ((await axe.run(document)) as { violations: Violation[] }).violations;
  });
}

/**
 * axe-core needs timers, which a page with JavaScript off never runs. So the page's HTML as
 * it stands is served again, without its scripts, at the same address to a scratch page that
 * runs only axe: the same markup and styles a student without JavaScript gets (<noscript>
 * content is not looked into).
 */
async function withoutScripts(page: Page): Promise<Violation[]> {
  const html = (await page.content()).replace(/<script\b[\s\S]*?<\/script>/g, "");
  const url = page.url();
  const browser = page.context().browser();
  if (!browser) throw new Error("no browser behind this page");
  const scratch = await browser.newContext({
    viewport: page.viewportSize(),
    bypassCSP: true,
  });
  try {
    const copy = await scratch.newPage();
    await copy.route(url, (route) => route.fulfill({ contentType: "text/html", body: html }));
    await copy.goto(url);
    return await runAxe(copy);
  } finally {
    await scratch.close();
  }
}

/**
 * Runs axe-core (injected with a script tag: the context needs `bypassCSP`, the pages' CSP
 * would refuse it) on the page as it stands, and returns its serious and critical violations,
 * one line each ("rule: help (where)"), so that a failing test says what to fix.
 */
export async function seriousViolations(
  page: Page,
  { javaScriptEnabled }: { javaScriptEnabled: boolean },
): Promise<string[]> {
  const violations = javaScriptEnabled ? await runAxe(page) : await withoutScripts(page);
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}
