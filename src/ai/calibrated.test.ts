import { describe, expect, it } from "vitest";
import type { ScoringResult } from "../domain/result";
import { calibrate, type Calibration } from "../scoring/calibration";
import { withCalibration } from "./calibrated";
import type { ScoringRequest } from "./types";
import { scoringResult } from "../../test/support/results";

const essay: ScoringRequest = {
  kind: "writing",
  task: 2,
  module: "academic",
  prompt: "Some people think cities should ban cars. Discuss.",
  response: "An essay.",
};

const cloud: ScoringResult = scoringResult({ TR: 7, CC: 7, LR: 7.5, GRA: 7 }, 7, {
  provider: "gemini",
  modelId: "gemini-2.5-flash",
  inputTokens: 1_000,
  outputTokens: 300,
  costUsd: 0.001,
  latencyMs: 900,
});

/** Gemini a band kinder than the examiners on 50 essays. */
const KIND: Calibration = calibrate(
  Array.from({ length: 50 }, (_, i) => {
    const truth = 4 + (i % 9) / 2;
    return { truth, criteria: { TR: truth + 1, CC: truth + 1, LR: truth + 1, GRA: truth + 1 } };
  }),
  { provider: "gemini", modelId: "gemini-2.5-flash", fittedAt: "2026-12-03T00:00:00Z" },
);

describe("cloud bands on the examiners' scale", () => {
  it("maps a calibrated model's criteria, recomputes the band and quotes the measured figures", () => {
    const result = withCalibration(essay, cloud, [KIND]);
    expect(result.criteria).toEqual({ TR: 6, CC: 6, LR: 6.5, GRA: 6 });
    expect(result.overall).toBe(6);
    expect(result.reliability).toMatchObject({
      testedOn: 50,
      withinOneBand: 1,
      likely: { low: 5, high: 7 },
    });
    expect(result.reliability?.caveat).toContain("The model itself gave 7.0");
  });

  it("leaves other models, Speaking and the offline scorer as they came", () => {
    expect(withCalibration(essay, { ...cloud, modelId: "gemini-2.5-flash-lite" }, [KIND])).toEqual({
      ...cloud,
      modelId: "gemini-2.5-flash-lite",
    });
    const speaking: ScoringRequest = {
      kind: "speaking",
      part: 1,
      module: "academic",
      questions: ["Where do you live?"],
      transcript: "In a flat.",
    };
    expect(withCalibration(speaking, cloud, [KIND])).toBe(cloud);
    const local = { ...cloud, provider: "local" as const, modelId: "offline-v1" };
    expect(withCalibration(essay, local, [KIND])).toBe(local);
  });

  it("ships no calibration it has not measured", () => {
    expect(withCalibration(essay, cloud)).toBe(cloud);
  });
});
