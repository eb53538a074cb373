import type { ChartFacts } from "../scoring/writing/types";
import type { Visual } from "./schema";

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

/**
 * Every change between two values of one group, in its units and as a percentage of the earlier
 * value: "rose by 16", "20 points more", "grew by 50%".
 */
function changes(groups: readonly (readonly number[])[]): number[] {
  return groups.flatMap((g) =>
    g.flatMap((a, i) =>
      g
        .slice(i + 1)
        .flatMap((b) => [Math.abs(b - a), ...(a !== 0 ? [Math.abs(((b - a) / a) * 100)] : [])]),
    ),
  );
}

type Trend = NonNullable<ChartFacts["trends"]>[number];

/** A change under a tenth of the largest value is "stable", not a rise or a fall. */
const FLAT_SHARE = 0.1;

/**
 * The overall direction of values over time, claimed only when the net change is clear and at
 * least two thirds of the steps go that way: a seasonal peak has no single direction.
 */
function direction(values: readonly number[]): Trend["direction"] | null {
  const first = values[0]!;
  const last = values.at(-1)!;
  const scale = Math.max(...values.map(Math.abs));
  if (scale === 0 || Math.abs(last - first) < scale * FLAT_SHARE) return null;
  const up = last > first;
  const steps = values.slice(1).map((v, i) => v - values[i]!);
  const withTrend = steps.filter((d) => (up ? d > 0 : d < 0)).length;
  if (withTrend < (steps.length * 2) / 3) return null;
  return up ? "up" : "down";
}

const isYearLabel = (label: string) => /^(1[89]|20)\d\d$/.test(label.trim());

function trends(named: readonly { name: string; values: readonly number[] }[]): Trend[] {
  return named.flatMap(({ name, values }) => {
    const d = direction(values);
    return d ? [{ name, direction: d }] : [];
  });
}

/** Series over time (a line chart), or categories compared across years (bars by year). */
function barOrLineTrends(visual: Extract<Visual, { kind: "line" | "bar" }>): Trend[] {
  if (visual.kind === "line") return trends(visual.series);
  if (visual.series.length >= 2 && visual.series.every((s) => isYearLabel(s.name))) {
    return trends(
      visual.categories.map((name, i) => ({
        name,
        values: visual.series.map((s) => s.values[i]!),
      })),
    );
  }
  if (visual.categories.every(isYearLabel)) return trends(visual.series);
  return [];
}

/**
 * The names and numbers of a chart or table that a Task 1 report should use. Totals across
 * series are included, since "total generation rose from 84 to 103" reports the data too. A
 * process or a map has no figures, so it has no facts to check.
 */
export function chartFacts(visual: Visual): ChartFacts | undefined {
  switch (visual.kind) {
    case "line":
    case "bar": {
      const labels = visual.kind === "line" ? [] : visual.categories;
      const values = visual.series.flatMap((s) => s.values);
      const totals =
        visual.series.length > 1
          ? visual.series[0]!.values.map((_, i) => sum(visual.series.map((s) => s.values[i]!)))
          : [];
      return {
        names: [...labels, ...(visual.series.length > 1 ? visual.series.map((s) => s.name) : [])],
        values: [...values, ...totals],
        changes: changes([...visual.series.map((s) => s.values), totals]),
        trends: barOrLineTrends(visual),
      };
    }
    case "pie":
      return {
        names: [...new Set(visual.pies.flatMap((p) => p.slices.map((s) => s.label)))],
        values: visual.pies.flatMap((p) => p.slices.map((s) => s.value)),
        changes: changes(visual.pies.map((p) => p.slices.map((s) => s.value))),
      };
    case "table": {
      const numbers = visual.rows.map((r) => r.filter((c): c is number => typeof c === "number"));
      return {
        names: visual.rows.map((r) => r[0]).filter((c): c is string => typeof c === "string"),
        values: numbers.flat(),
        changes: changes(numbers),
      };
    }
    case "process":
    case "map":
      return undefined;
  }
}
