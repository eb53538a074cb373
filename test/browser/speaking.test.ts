import type { SpeakingSubmission } from "../../src/domain/assessment";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { gzipSync } from "node:zlib";
import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { getAssessment } from "../../src/data/assessments";
import { tinyWav } from "../support/audio";
import { chromiumForFile, PHONE } from "../support/browser";
import { baseUrl } from "../support/ports";
import { createStudent } from "../support/users";
import { settled } from "../support/assessments";

// A fake microphone (a test tone) that needs no permission prompt.
const chromium = chromiumForFile([
  "--use-fake-ui-for-media-stream",
  "--use-fake-device-for-media-stream",
]);

async function signedInPage(javaScriptEnabled: boolean): Promise<Page> {
  const context = await chromium.newContext(
    { javaScriptEnabled, viewport: PHONE },
    await createStudent(javaScriptEnabled ? "js-speak" : "nojs-speak"),
  );
  return context.newPage();
}

/** Records a part's answer on the fake microphone for `ms`, with the part's own buttons. */
async function record(part: Locator, ms: number): Promise<void> {
  await part.getByRole("button", { name: "Record my answer" }).click();
  await part.locator("meter").waitFor();
  await part.page().waitForTimeout(ms);
  await part.getByRole("button", { name: "Stop recording" }).click();
}

/** Submits the test and waits for the scorer: the assessment's id and what it became. */
async function submitAndSettle(page: Page) {
  await page.getByRole("button", { name: "Submit for scoring" }).click();
  await page.waitForURL(/\/assessments\/[0-9a-f-]{36}$/);
  const id = new URL(page.url()).pathname.split("/").pop()!;
  const scored = await settled(id);
  return { id, scored, parts: (scored.submission as SpeakingSubmission).parts };
}

const PART_1 =
  "I work as a nurse in a busy hospital, and what I like most is helping patients recover.";
const PART_3 =
  "Some people help strangers more readily because they grew up in close communities where everyone looked after each other, and I believe schools should encourage this too.";

describe("Speaking in Chromium, JavaScript off", () => {
  it("submits typed answers with an uploaded recording, which the scorer loads", async () => {
    const page = await signedInPage(false);
    await page.goto(`${baseUrl}/assessments/speaking/new`);
    await page.getByRole("heading", { name: /Speaking test/ }).waitFor();
    await page.fill("#transcript-1", PART_1);
    await page.fill("#transcript-3", PART_3);
    await page.setInputFiles("#audio-1", {
      name: "part-1.wav",
      mimeType: "audio/wav",
      buffer: tinyWav(),
    });
    const { id, scored, parts } = await submitAndSettle(page);
    expect(scored.status).toBe("scored");
    expect(parts.map((p) => p.part)).toEqual([1, 3]);
    expect(parts[0]).toMatchObject({ transcript: PART_1, audioMimeType: "audio/wav" });
    expect(parts[0]!.audioKey).toMatch(
      new RegExp(`^audio/${scored.userId}/${id}/part-1-[0-9a-f]{16}\\.wav$`),
    );
    expect(existsSync(resolve(".data/audio", parts[0]!.audioKey!))).toBe(true);
    // The offline scorer cannot listen, so Pronunciation stays unassessed even with audio.
    expect(scored.result?.criteria.P).toBeUndefined();
    await page.context().close();
  });
});

describe("Speaking in Chromium, JavaScript on", () => {
  it("keeps a saved draft over a reload, uploads a recording when the part ends and submits", async () => {
    const page = await signedInPage(true);
    const scripts: string[] = [];
    page.on("response", (response) => {
      if (response.request().resourceType() === "script") scripts.push(response.url());
    });
    await page.goto(`${baseUrl}/assessments/speaking/new?module=academic`);
    await page.getByRole("button", { name: "Record my answer" }).first().waitFor();
    await page.getByRole("button", { name: /Prepare \(1 minute\)/ }).waitFor();

    await page.fill("#transcript-1", PART_1);
    await page.getByRole("button", { name: "Save draft" }).click();
    await page.getByText("Draft saved").waitFor();
    await page.reload();
    expect(await page.inputValue("#transcript-1")).toBe(PART_1);

    let compressed = 0;
    for (const url of new Set(scripts)) {
      compressed += gzipSync(Buffer.from(await (await fetch(url)).arrayBuffer())).length;
    }
    console.log(`speaking page JavaScript: ${(compressed / 1024).toFixed(1)} KB gzipped`);
    expect(compressed).toBeLessThan(100 * 1024);

    const puts: string[] = [];
    page.on("request", (request) => {
      if (request.method() === "PUT") puts.push(new URL(request.url()).pathname);
    });
    const part3 = page.locator("fieldset", { hasText: "Part 3: Discussion" });
    await record(part3, 1_500);
    // The part's recording goes up on its own as soon as the part ends.
    await part3.getByText("Recording saved with your draft").waitFor({ timeout: 30_000 });
    expect(await page.$eval("#audio-3", (input) => (input as HTMLInputElement).files?.length)).toBe(
      0,
    );

    await page.fill("#transcript-3", PART_3);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);
    const { scored, parts } = await submitAndSettle(page);
    expect(scored.status).toBe("scored");
    expect(parts.map((p) => p.transcript)).toEqual([PART_1, PART_3]);
    expect(parts[1]).toMatchObject({ audioMimeType: "audio/webm" });
    // Sent to storage itself (locally the app stands in for S3), not inside the form's request.
    expect(parts[1]!.audioKey).toMatch(/part-3-[0-9a-f]{16}\.webm$/);
    expect(puts).toEqual([expect.stringMatching(/^\/api\/v1\/uploads\/[\w-]{43}$/)]);
    await page.context().close();
  });

  it("sends a recording with the form when storage cannot be reached, and says so when neither works", async () => {
    const page = await signedInPage(true);
    await page.route("**/api/v1/uploads/**", (route) => route.abort("connectionfailed"));
    await page.goto(`${baseUrl}/assessments/speaking/new?module=general`);
    const part1 = page.locator("fieldset", { hasText: "Part 1: Introduction" });
    await record(part1, 1_000);
    await part1.getByText("Recording saved with your draft").waitFor({ timeout: 30_000 });
    const id = await page.inputValue('input[name="assessmentId"]');
    const draft = await getAssessment(id);
    const saved = (draft?.submission as SpeakingSubmission).parts[0]!;
    // Sent with the form (storage refused it), so the page's own request carried it.
    expect(saved.audioKey).toMatch(/part-1-[0-9a-f]{16}\.webm$/);
    expect(existsSync(resolve(".data/audio", saved.audioKey!))).toBe(true);

    // The page's own request failing too: the recording stays in the page, with a way to retry.
    await page.route("**/assessments/speaking/new**", (route) =>
      route.request().method() === "POST" ? route.abort("connectionfailed") : route.continue(),
    );
    const part2 = page.locator("fieldset", { hasText: "Part 2: Long turn" });
    await record(part2, 1_000);
    await part2.getByRole("button", { name: "Send it again" }).waitFor({ timeout: 30_000 });
    await page.context().close();
  });
});
