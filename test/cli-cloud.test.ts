import { execFile } from "node:child_process";
import { copyFile, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { calibrationFileSchema } from "../src/ai/calibrated";
import { GOOD_ESSAY, REMOTE_WORK_PROMPT } from "../src/scoring/writing/fixtures/essays";
import { modelAnswer } from "./ai/helpers";
import { startFakeGemini, type FakeGemini } from "./fakes/gemini-server";

/**
 * `ielts evaluate --provider` and `ielts calibrate` as a school runs them with its own marked
 * essays: the real CLI and the real Gemini client against the fake Gemini API.
 */

const BIN = path.resolve(__dirname, "../bin/ielts.cjs");

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

let fake: FakeGemini;
let dir: string;

function ielts(env: Record<string, string>, ...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      "node",
      [BIN, ...args],
      { timeout: 120_000, env: { PATH: process.env.PATH ?? "", NODE_ENV: "test", ...env } },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

const csvCell = (text: string) => `"${text.replaceAll('"', '""')}"`;
// Twelve Task 2 essays marked 5 to 7.5 by examiners; the fake model is a band kinder on each.
const BANDS = [5, 5.5, 6, 6.5, 7, 7.5, 5, 5.5, 6, 6.5, 7, 7.5];

function kindMark(request: unknown): unknown {
  const text = JSON.stringify(request);
  const essay = Number(/\((\d+)\)/.exec(text)?.[1]);
  const band = BANDS[essay]! + 1;
  return modelAnswer({ TR: band, CC: band, LR: band, GRA: band });
}

beforeAll(async () => {
  fake = await startFakeGemini();
  fake.otherwise({ kind: "answer-for", answer: kindMark });
  dir = await mkdtemp(path.join(tmpdir(), "ielts-cloud-"));
  const rows = BANDS.map(
    (band, i) =>
      `e${i},2,${csvCell(REMOTE_WORK_PROMPT)},${csvCell(`${GOOD_ESSAY} (${i})`)},${band}`,
  );
  await writeFile(path.join(dir, "marked.csv"), ["id,task,prompt,essay,band", ...rows].join("\n"));
  await copyFile(path.resolve("src/ai/calibrations.json"), path.join(dir, "calibrations.json"));
});
afterAll(async () => {
  await fake.close();
  await rm(dir, { recursive: true, force: true });
});

describe("calibrating a cloud model on a school's marked essays", () => {
  it("scores every essay once, resumes where it stopped, costs the calls and fits a mapping", async () => {
    const env = { GEMINI_API_KEY: "test-key", GEMINI_BASE_URL: fake.url };
    const csv = path.join(dir, "marked.csv");
    const out = `${csv}.gemini.jsonl`;
    const first = await ielts(
      env,
      "evaluate",
      "--provider",
      "gemini",
      "--csv",
      csv,
      "--concurrency",
      "3",
    );
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    expect(fake.requests).toHaveLength(12);
    expect(first.stdout).toContain("Task 2 (n = 12)");
    expect(first.stdout).toMatch(/Cost: \$0\.\d{4} for 12 answer\(s\)/);

    // Stopped after eight: the next run asks only for the other four.
    const lines = (await readFile(out, "utf8")).trim().split("\n");
    await writeFile(out, `${lines.slice(0, 8).join("\n")}\n{"id":"e9","tas`);
    const resumed = await ielts(env, "evaluate", "--provider", "gemini", "--csv", csv);
    expect(resumed.code).toBe(0);
    expect(resumed.stderr).toContain("Resuming: 8 answer(s)");
    expect(fake.requests).toHaveLength(16);

    const calibrations = path.join(dir, "calibrations.json");
    const fitted = await ielts({}, "calibrate", "--results", out, "--out", calibrations);
    expect(fitted.code).toBe(0);
    expect(fitted.stdout).toContain("gemini gemini-2.5-flash (12 answers)");
    const file = calibrationFileSchema.parse(JSON.parse(await readFile(calibrations, "utf8")));
    expect(file.calibrations).toHaveLength(1);
    const [calibration] = file.calibrations;
    // A band kinder everywhere: mapped back down, on essays each fold's fit had not seen.
    expect(calibration!.knots).toEqual([6, 6.5, 7, 7.5, 8, 8.5].map((x) => [x, x - 1]));
    expect(calibration!.raw.meanAbsoluteError).toBe(1);
    expect(calibration!.crossValidated.meanAbsoluteError).toBe(0);
  });

  it("says what is wrong with the arguments or the configuration", async () => {
    const csv = path.join(dir, "marked.csv");
    const provider = await ielts({}, "evaluate", "--provider", "cohere", "--csv", csv);
    expect(provider.code).toBe(2);
    expect(provider.stderr).toContain("--provider is bedrock or gemini");
    const results = path.join(dir, "x.jsonl");
    const key = await ielts({}, "evaluate", "--provider", "gemini", "--csv", csv, "--out", results);
    expect(key.code).toBe(2);
    expect(key.stderr).toContain("GEMINI_API_KEY is not set");
    const few = path.join(dir, "few.jsonl");
    await writeFile(
      few,
      `${JSON.stringify({ id: "a", task: 2, truth: 6, provider: "gemini", modelId: "m", overall: 7, criteria: { TR: 7 }, costUsd: 0 })}\n`,
    );
    const fitted = path.join(dir, "calibrations.json");
    const tooFew = await ielts({}, "calibrate", "--results", few, "--out", fitted);
    expect(tooFew.code).toBe(2);
    expect(tooFew.stderr).toContain("at least 10 marked answers");
  });
});
