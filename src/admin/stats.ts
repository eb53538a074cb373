import type { Assessment, ScoredAssessment } from "../domain/assessment";
import { addDaily, type DailyMetric } from "../data/daily-stats";
import { LATENCY_BUCKETS_S } from "./dashboard-labels";

/**
 * What the workers and actions add to the dashboard's daily counters. Each is a handful of
 * atomic ADDs on items keyed by metric and day, so the dashboard reads 30 small items per
 * metric instead of scanning the assessments.
 */

export const latencyField = (seconds: number): string => {
  const bound = LATENCY_BUCKETS_S.find((b) => seconds <= b);
  return bound === undefined ? "over" : `le-${bound}`;
};

const day = (iso: string) => iso.slice(0, 10);

type Counters = Partial<Record<DailyMetric, Record<string, number>>>;

/**
 * The counts one finished scoring run (a worker's, or an admin's rescore) adds. A fallback is
 * a result the offline scorer gave after a cloud model failed; cost is the result's plus what
 * failed attempts were still charged, as dailyCosts counts it, but split by provider.
 */
export function scoringCounters(assessment: ScoredAssessment): Counters {
  const finished = assessment.status === "scored" || assessment.status === "failed";
  if (!finished) return {};
  const attempts = assessment.attempts ?? [];
  const cost: Record<string, number> = {};
  const charge = (provider: string, usd: number) => {
    cost[provider] = (cost[provider] ?? 0) + usd;
  };
  const result = assessment.status === "scored" ? assessment.result : undefined;
  if (result) charge(result.provider, result.costUsd);
  for (const attempt of attempts)
    if (attempt.billed) charge(attempt.provider, attempt.billed.costUsd);
  const cloudFailed = attempts.some((a) => !a.ok && a.provider !== "local");
  const submitted = Date.parse(assessment.submittedAt ?? assessment.createdAt);
  const seconds = Math.max(0, (Date.parse(assessment.updatedAt) - submitted) / 1000);
  return {
    assessments: { [assessment.skill]: 1 },
    scoring: {
      scored: result ? 1 : 0,
      failed: assessment.status === "failed" ? 1 : 0,
      fallback: result?.provider === "local" && cloudFailed ? 1 : 0,
    },
    ...(result ? { latency: { [latencyField(seconds)]: 1 } } : {}),
    "cost-usd": cost,
  };
}

// A count is worth less than the action it counts: a failed ADD is logged, never thrown.
async function add(at: string, counters: Counters): Promise<void> {
  await Promise.all(
    Object.entries(counters).map(([metric, counts]) =>
      addDaily(metric as DailyMetric, day(at), counts).catch((error: unknown) =>
        console.error("daily counter not added", metric, error),
      ),
    ),
  );
}

/** After a scoring worker (or a rescore) has saved its outcome. */
export function countScoring(assessment: ScoredAssessment): Promise<void> {
  return add(assessment.updatedAt, scoringCounters(assessment));
}

/** A Reading or Listening paper, marked as it was handed in. */
export function countMarked(assessment: Assessment): Promise<void> {
  return add(assessment.updatedAt, { assessments: { [assessment.skill]: 1 } });
}

export function countNewAccount(createdAt: string): Promise<void> {
  return add(createdAt, { accounts: { joined: 1 } });
}
