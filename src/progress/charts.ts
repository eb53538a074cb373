import type { Skill } from "../domain/module";
import { SKILLS, criteriaIn, type HistoryRow } from "./history";

interface BandPoint {
  assessmentId: string;
  date: string;
  band: number;
}

export interface BandSeries {
  skill: Skill;
  /** Oldest first, the order a line is drawn in. */
  points: BandPoint[];
}

/** Overall band per assessment, one series per skill that has any band yet. */
export function bandSeries(rows: readonly HistoryRow[]): BandSeries[] {
  return SKILLS.map((skill) => ({
    skill,
    points: rows
      .filter((r) => r.skill === skill && r.overall !== null)
      .map((r) => ({ assessmentId: r.assessmentId, date: r.date, band: r.overall! }))
      .sort((a, b) => a.date.localeCompare(b.date)),
  })).filter((s) => s.points.length > 0);
}

export interface CriterionStat {
  criterion: string;
  latest: number;
  /** Mean over every scored assessment with this criterion, to one decimal place. */
  average: number;
  count: number;
}

/** Latest against average per criterion: is the last attempt better than usual, and where? */
export function criterionStats(rows: readonly HistoryRow[], skill: Skill): CriterionStat[] {
  // Newest first, so the first value found for a criterion is the latest one.
  const scored = rows
    .filter((r) => r.skill === skill && r.status === "scored")
    .sort((a, b) => b.date.localeCompare(a.date));
  return criteriaIn(scored).map((criterion) => {
    const values = scored.map((r) => r.criteria[criterion]).filter((v) => v !== undefined);
    const sum = values.reduce((s, v) => s + v, 0);
    return {
      criterion,
      latest: values[0]!,
      average: Math.round((sum / values.length) * 10) / 10,
      count: values.length,
    };
  });
}

const dateFormat = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  timeZone: "UTC",
});
const shortDateFormat = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  timeZone: "UTC",
});

export function formatDate(iso: string): string {
  return dateFormat.format(new Date(iso));
}

/** Axis labels: day and month, because the year is in the chart's description. */
export function formatShortDate(iso: string): string {
  return shortDateFormat.format(new Date(iso));
}

export const SKILL_NAMES: Record<Skill, string> = {
  writing: "Writing",
  speaking: "Speaking",
  reading: "Reading",
  listening: "Listening",
  mock: "Mock test",
};

/** The chart's data in words, for screen readers and for anyone who cannot see the lines. */
export function describeBandSeries(series: readonly BandSeries[]): string {
  return series
    .map(
      (s) =>
        `${SKILL_NAMES[s.skill]}: ${s.points
          .map((p) => `band ${p.band.toFixed(1)} on ${formatDate(p.date)}`)
          .join(", ")}.`,
    )
    .join(" ");
}

export function describeCriterionStats(stats: readonly CriterionStat[]): string {
  return stats
    .map(
      (s) =>
        `${s.criterion}: latest ${s.latest.toFixed(1)}, average ${s.average.toFixed(1)} over ${s.count} ${s.count === 1 ? "assessment" : "assessments"}.`,
    )
    .join(" ");
}
