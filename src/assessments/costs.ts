import type { Assessment } from "../data/assessments";

export interface DailyCost {
  /** UTC day, YYYY-MM-DD. */
  day: string;
  assessments: number;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
}

/** AI spend per UTC day over scored writing and speaking assessments, newest day first. */
export function dailyCosts(assessments: readonly Assessment[]): DailyCost[] {
  const days = new Map<string, DailyCost>();
  for (const a of assessments) {
    if (a.status !== "scored" || !a.result) continue;
    const day = (a.submittedAt ?? a.updatedAt).slice(0, 10);
    const total = days.get(day) ?? {
      day,
      assessments: 0,
      inputTokens: 0,
      outputTokens: 0,
      costUsd: 0,
    };
    total.assessments += 1;
    total.inputTokens += a.result.inputTokens;
    total.outputTokens += a.result.outputTokens;
    total.costUsd += a.result.costUsd;
    days.set(day, total);
  }
  return [...days.values()].sort((x, y) => y.day.localeCompare(x.day));
}
