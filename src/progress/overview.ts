import type { Skill } from "../domain/module";
import { listUserAssessments } from "../data/assessments";
import { bandSeries, criterionStats, type BandSeries, type CriterionStat } from "./charts";
import { historyRows, type HistoryRow } from "./history";

// Reading and Listening are marked against a key, so they have a raw score but no criteria.
const CRITERION_SKILLS = ["writing", "speaking"] as const;

export interface ProgressOverview {
  skill: Skill | null;
  /** Every kept attempt, whatever the filter: an empty history is told apart from a filter. */
  total: number;
  /** Newest first. */
  rows: HistoryRow[];
  series: BandSeries[];
  criteria: { skill: (typeof CRITERION_SKILLS)[number]; stats: CriterionStat[] }[];
}

/** The student's progress, as /profile draws it and the app's progress screen reads it. */
export async function progressOverview(input: {
  userId: string;
  skill: Skill | null;
}): Promise<ProgressOverview> {
  const all = historyRows(await listUserAssessments(input.userId), null);
  const rows = input.skill ? all.filter((r) => r.skill === input.skill) : all;
  const shown = input.skill ? CRITERION_SKILLS.filter((s) => s === input.skill) : CRITERION_SKILLS;
  return {
    skill: input.skill,
    total: all.length,
    rows,
    series: bandSeries(rows),
    criteria: shown
      .map((skill) => ({ skill, stats: criterionStats(rows, skill) }))
      .filter((c) => c.stats.length > 0),
  };
}
