import { isScoredByWorker, type Assessment } from "../domain/assessment";
export interface DailyCost {
  /** UTC day, YYYY-MM-DD. */
  day: string;
  assessments: number;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
}

/**
 * AI spend per UTC day over writing and speaking assessments, newest day first: the scored
 * result's tokens plus those of failed attempts the provider still charged for, so that an
 * assessment that failed after a bad answer costs what it cost. `assessments` counts the
 * assessments with any spend.
 */
export function dailyCosts(assessments: readonly Assessment[]): DailyCost[] {
  const days = new Map<string, DailyCost>();
  for (const a of assessments) {
    if (!isScoredByWorker(a)) continue;
    const charged = [
      ...(a.status === "scored" && a.result ? [a.result] : []),
      ...(a.attempts ?? []).flatMap((t) => (t.billed ? [t.billed] : [])),
    ];
    if (charged.length === 0) continue;
    const day = (a.submittedAt ?? a.updatedAt).slice(0, 10);
    const total = days.get(day) ?? {
      day,
      assessments: 0,
      inputTokens: 0,
      outputTokens: 0,
      costUsd: 0,
    };
    total.assessments += 1;
    for (const c of charged) {
      total.inputTokens += c.inputTokens;
      total.outputTokens += c.outputTokens;
      total.costUsd += c.costUsd;
    }
    days.set(day, total);
  }
  return [...days.values()].sort((x, y) => y.day.localeCompare(x.day));
}
