import { describe, expect, it } from "vitest";
import { costUsd, transcriptionCostUsd } from "./prices";

describe("costUsd", () => {
  it("prices a typical Task 2 assessment (1,500 tokens in, 500 out)", () => {
    expect(costUsd("amazon.nova-micro-v1:0", 1_500, 500)).toBe(0.0001225);
    expect(costUsd("gemini-2.5-flash-lite", 1_500, 500)).toBe(0.00035);
    expect(costUsd("gemini-2.5-flash", 1_500, 500)).toBe(0.0017);
    expect(costUsd("local", 1_500, 500)).toBe(0);
  });

  it("prices a recording's tokens at Gemini's audio rate, and text as text", () => {
    // 2.5 Flash: $0.30 a million text tokens in, $1.00 audio, $2.50 out.
    expect(costUsd("gemini-2.5-flash", 1_000, 200, 600)).toBeCloseTo(
      (400 * 0.3 + 600 * 1 + 200 * 2.5) / 1e6,
      12,
    );
    // A model without an audio rate bills audio as text; audio never exceeds the input.
    expect(costUsd("amazon.nova-micro-v1:0", 1_000, 0, 600)).toBe(
      costUsd("amazon.nova-micro-v1:0", 1_000, 0),
    );
    expect(costUsd("gemini-2.5-flash-lite", 100, 0, 500)).toBeCloseTo((100 * 0.3) / 1e6, 12);
  });

  it("prices a cross-region inference profile as its model", () => {
    expect(costUsd("eu.amazon.nova-micro-v1:0", 1_000_000, 1_000_000)).toBe(0.175);
  });

  it("refuses to guess the price of an unknown model", () => {
    expect(() => costUsd("gpt-9", 1, 1)).toThrow(/No price/);
  });
});

describe("transcriptionCostUsd", () => {
  it("bills Transcribe per second of audio, with a 15-second minimum", () => {
    expect(transcriptionCostUsd(60)).toBe(0.024);
    expect(transcriptionCostUsd(90.2)).toBe(0.0364);
    expect(transcriptionCostUsd(3)).toBe(0.006);
  });
});
