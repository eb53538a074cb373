import type { WritingAssessment } from "../domain/assessment";
import type { ScoringResult } from "../domain/result";
import { describe, expect, it } from "vitest";
import { dailyCosts } from "./costs";

function scored(
  submittedAt: string,
  costUsd: number,
  status: WritingAssessment["status"] = "scored",
) {
  const result = { inputTokens: 1_500, outputTokens: 500, costUsd } as ScoringResult;
  return {
    skill: "writing",
    status,
    submittedAt,
    updatedAt: submittedAt,
    result,
  } as WritingAssessment;
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

  it("adds what failed attempts were charged, for scored and failed assessments alike", () => {
    const billed = { inputTokens: 1_400, outputTokens: 450, costUsd: 0.0001 };
    const attempts = [
      { provider: "bedrock", ok: false, error: "invalid-output: bad JSON", latencyMs: 900, billed },
      { provider: "bedrock", ok: false, error: "timeout", latencyMs: 20_000 },
      { provider: "local", ok: true, latencyMs: 40 },
    ];
    const retried = { ...scored("2026-11-25T09:00:00.000Z", 0), attempts };
    const failed = { ...scored("2026-11-25T10:00:00.000Z", 0.5, "failed"), attempts };
    const [day] = dailyCosts([retried, failed]);
    expect(day).toMatchObject({ day: "2026-11-25", assessments: 2 });
    // The scored one: its result (1,500 + 0 USD) and one charged failure; the failed one: the
    // charged failure only.
    expect(day!.inputTokens).toBe(1_500 + 1_400 + 1_400);
    expect(day!.costUsd).toBeCloseTo(0.0002, 10);
  });
});
