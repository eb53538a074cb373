import { describe, expect, it } from "vitest";
import { calibrateCommand } from "./cloud";
import type { CliIo } from "./io";

// Twelve answers marked 5 to 7.5 by examiners, and a model a band kinder on each.
const BANDS = [5, 5.5, 6, 6.5, 7, 7.5, 5, 5.5, 6, 6.5, 7, 7.5];
const line = (i: number) => {
  const band = BANDS[i]! + 1;
  return JSON.stringify({
    id: `e${i}`,
    task: 2,
    truth: BANDS[i],
    provider: "gemini",
    modelId: "gemini-2.5-flash",
    overall: band,
    criteria: { TR: band, CC: band, LR: band, GRA: band },
    costUsd: 0.0001,
  });
};

async function calibrateFrom(order: number[]): Promise<{ file: string; stdout: string }> {
  const files = new Map<string, string>([
    ["results.jsonl", order.map(line).join("\n")],
    ["calibrations.json", JSON.stringify({ notes: [], calibrations: [] })],
  ]);
  let stdout = "";
  const io: CliIo = {
    stdout: (text) => (stdout += text),
    stderr: () => undefined,
    stderrIsTTY: false,
    readFile: async (path) => {
      const text = files.get(path);
      if (text === undefined) throw new Error(`ENOENT: ${path}`);
      return text;
    },
    appendFile: async (path, text) => void files.set(path, (files.get(path) ?? "") + text),
    writeFile: async (path, text) => void files.set(path, text),
    env: {},
  };
  await calibrateCommand(["--results", "results.jsonl", "--out", "calibrations.json"], io);
  const { calibrations } = JSON.parse(files.get("calibrations.json")!) as {
    calibrations: { crossValidated: unknown; knots: unknown }[];
  };
  return {
    file: JSON.stringify([calibrations[0]!.knots, calibrations[0]!.crossValidated]),
    stdout,
  };
}

describe("ielts calibrate", () => {
  // `evaluate` writes answers as they come back, several at a time, so two runs on the same
  // essays leave their lines in different orders.
  it("gives the same mapping and figures whatever order the results file lists the answers in", async () => {
    const inOrder = await calibrateFrom([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    const completionOrder = await calibrateFrom([0, 1, 2, 3, 4, 6, 5, 7, 8, 9, 10, 11]);
    expect(completionOrder).toEqual(inOrder);
    expect(inOrder.stdout).toContain("mean absolute error 1.00");
  });
});
