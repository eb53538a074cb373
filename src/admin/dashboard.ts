import { toCsv } from "../progress/csv";
import { countOpenReports } from "../data/content-reports";
import { readDaily, type DailyCounts, type DailyMetric } from "../data/daily-stats";
import { assertAdmin, type Actor } from "./actor";
import {
  DASHBOARD_SKILLS,
  formatLatency,
  LATENCY_BUCKETS_S,
  OPEN_BUCKET_S,
} from "./dashboard-labels";

const DASHBOARD_DAYS = 30;
const DAY_MS = 86_400_000;

interface DashboardDay {
  /** UTC day, YYYY-MM-DD. */
  day: string;
  assessments: Record<(typeof DASHBOARD_SKILLS)[number], number>;
  scored: number;
  failed: number;
  fallback: number;
  /** Seconds from submit to scored, to the upper bound of its bucket; null with no samples. */
  medianS: number | null;
  p95S: number | null;
  costUsd: Record<string, number>;
  newAccounts: number;
}

export interface Dashboard {
  days: DashboardDay[];
  providers: string[];
  openReports: number;
}

/**
 * The `q` quantile (0-1) of a latency histogram, as the upper bound of the bucket it falls in
 * (OPEN_BUCKET_S for the open-ended last bucket): an upper estimate, exact to the bucket.
 */
export function quantileFromHistogram(counts: Record<string, number>, q: number): number | null {
  const bounds = [...LATENCY_BUCKETS_S, OPEN_BUCKET_S];
  const fieldOf = (b: number) => (b === OPEN_BUCKET_S ? "over" : `le-${b}`);
  const total = bounds.reduce((sum, b) => sum + (counts[fieldOf(b)] ?? 0), 0);
  if (total === 0) return null;
  let seen = 0;
  for (const b of bounds) {
    seen += counts[fieldOf(b)] ?? 0;
    if (seen >= q * total) return b;
  }
  return OPEN_BUCKET_S;
}

/** The last `n` UTC days, oldest first, ending with today. */
export function lastDays(now: Date, n = DASHBOARD_DAYS): string[] {
  return Array.from({ length: n }, (_, i) =>
    new Date(now.getTime() - (n - 1 - i) * DAY_MS).toISOString().slice(0, 10),
  );
}

/** Puts the stored counters on a 30-day axis: a day nobody wrote to is all zeros. */
export function buildDashboard(
  days: readonly string[],
  stored: Record<DailyMetric, readonly DailyCounts[]>,
  openReports: number,
): Dashboard {
  const on = (metric: DailyMetric, day: string) =>
    stored[metric].find((d) => d.day === day)?.counts ?? {};
  const providers = [...new Set(stored["cost-usd"].flatMap((d) => Object.keys(d.counts)))].sort();
  return {
    providers,
    openReports,
    days: days.map((day) => {
      const assessments = on("assessments", day);
      const scoring = on("scoring", day);
      const latency = on("latency", day);
      const cost = on("cost-usd", day);
      return {
        day,
        assessments: Object.fromEntries(
          DASHBOARD_SKILLS.map((s) => [s, assessments[s] ?? 0]),
        ) as Record<(typeof DASHBOARD_SKILLS)[number], number>,
        scored: scoring.scored ?? 0,
        failed: scoring.failed ?? 0,
        fallback: scoring.fallback ?? 0,
        medianS: quantileFromHistogram(latency, 0.5),
        p95S: quantileFromHistogram(latency, 0.95),
        costUsd: Object.fromEntries(providers.map((p) => [p, cost[p] ?? 0])),
        newAccounts: on("accounts", day).joined ?? 0,
      };
    }),
  };
}

const METRICS: DailyMetric[] = ["assessments", "latency", "scoring", "cost-usd", "accounts"];

/** One query per metric over 30 day items, and one count over the open reports: no scans. */
export async function loadDashboard(actor: Actor, now = new Date()): Promise<Dashboard> {
  assertAdmin(actor);
  const days = lastDays(now);
  const from = days[0]!;
  const to = days[days.length - 1]!;
  const [openReports, ...read] = await Promise.all([
    countOpenReports(),
    ...METRICS.map((m) => readDaily(m, from, to)),
  ]);
  const stored = Object.fromEntries(METRICS.map((m, i) => [m, read[i]!])) as Record<
    DailyMetric,
    DailyCounts[]
  >;
  return buildDashboard(days, stored, openReports as number);
}

export function dashboardCsv(dashboard: Dashboard): string {
  const header = [
    "day",
    ...DASHBOARD_SKILLS,
    "scored",
    "failed",
    "fallback",
    "median latency s (at most)",
    "p95 latency s (at most)",
    ...dashboard.providers.map((p) => `cost usd ${p}`),
    "new accounts",
  ];
  const rows = dashboard.days.map((d) => [
    d.day,
    ...DASHBOARD_SKILLS.map((s) => String(d.assessments[s])),
    String(d.scored),
    String(d.failed),
    String(d.fallback),
    formatLatency(d.medianS),
    formatLatency(d.p95S),
    ...dashboard.providers.map((p) => (d.costUsd[p] ?? 0).toFixed(4)),
    String(d.newAccounts),
  ]);
  return toCsv([header, ...rows]);
}
