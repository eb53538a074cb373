import type { ScoringResult } from "../../src/domain/result";

/**
 * A scoring result as the tests make one: the bands they give, no feedback, highlights or
 * flags, from the offline scorer at no cost. `extra` replaces any field.
 */
export function scoringResult(
  criteria: Record<string, number>,
  overall: number,
  extra: Partial<ScoringResult> = {},
): ScoringResult {
  return {
    criteria,
    overall,
    feedback: { summary: "", points: [] },
    highlights: [],
    flags: [],
    provider: "local",
    modelId: "test",
    inputTokens: 0,
    outputTokens: 0,
    costUsd: 0,
    latencyMs: 1,
    ...extra,
  };
}
