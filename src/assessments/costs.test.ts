import { describe, expect, it } from "vitest";
import type { ScoringResult } from "../ai/types";
import type { Assessment } from "../data/assessments";
import { dailyCosts } from "./costs";

function scored(submittedAt: string, costUsd: number, status: Assessment["status"] = "scored") {
  const result = { inputTokens: 1_500, outputTokens: 500, costUsd } as ScoringResult;
  return { status, submittedAt, updatedAt: submittedAt, result } as Assessment;
}

describe("dailyCosts", () => {
  it("sums tokens and dollars per UTC day, newest first, over scored assessments only", () => {
    const days = dailyCosts([
      scored("2026-11-24T23:59:00.000Z", 0.0001225),
      scored("2026-11-25T00:01:00.000Z", 0.0017),
      scored("2026-11-25T10:00:00.000Z", 0.0001225),
      scored("2026-11-25T11:00:00.000Z", 0.5, "failed"),
    ]);
    expect(days.map((d) => [d.day, d.assessments, d.inputTokens])).toEqual([
      ["2026-11-25", 2, 3_000],
      ["2026-11-24", 1, 1_500],
    ]);
    expect(days[0]!.costUsd).toBeCloseTo(0.0018225, 10);
  });
});
