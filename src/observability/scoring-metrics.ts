import { dailyCosts } from "../assessments/costs";
import type { ScoredAssessment } from "../domain/assessment";
import type { MetricName } from "./metrics";

/**
 * What one scoring run is worth counting, read from the assessment it left behind: cost counts
 * paid-for failed attempts as dailyCosts does, and each failed attempt of an assessment that
 * was still scored is one fall back to the next provider in the chain.
 */
export function scoringMetrics(
  assessment: ScoredAssessment,
  latencyMs: number,
): Partial<Record<MetricName, number>> {
  const failedAttempts = (assessment.attempts ?? []).filter((a) => !a.ok).length;
  return {
    ScoringLatency: Math.round(latencyMs),
    ScoringFailures: assessment.status === "failed" ? 1 : 0,
    Fallbacks: assessment.status === "scored" ? failedAttempts : 0,
    AiCostUsd: dailyCosts([assessment])[0]?.costUsd ?? 0,
  };
}
