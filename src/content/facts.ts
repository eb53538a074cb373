import type { ChartFacts } from "../scoring/writing/types";
import type { ChartVisual, Visual } from "./schema";

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

/**
 * How many of a unit one plotted value stands for, read from the chart's unit or note: a chart in
 * "thousand visitors" shows 51 where a report writes "51,000", and both are the data.
 */
function scaleOf(unit: string | undefined): number {
  if (!unit) return 1;
  if (/\bbillions?\b/i.test(unit)) return 1e9;
  if (/\bmillions?\b/i.test(unit)) return 1e6;
  if (/\bthousands?\b/i.test(unit)) return 1e3;
  return 1;
}

/** Numbers printed in labels ("16-24", "Over 65s") are on the chart too: "aged 65 and over". */
const labelNumbers = (labels: readonly (string | number)[]) =>
  labels.flatMap((l) => (String(l).match(/\d+(?:\.\d+)?/g) ?? []).map(Number));

const scaled = (values: readonly number[], scale: number) =>
  scale === 1 ? [...values] : [...values, ...values.map((v) => v * scale)];

/**
 * Every change between two values of one group, in its units (and written out in full when the
 * unit is thousands or millions) and as a percentage of the earlier value: "rose by 16", "20
 * points more", "grew by 50%".
 */
function changes(groups: readonly (readonly number[])[], scale = 1): number[] {
  return groups.flatMap((g) =>
    g.flatMap((a, i) =>
      g
        .slice(i + 1)
        .flatMap((b) => [
          ...scaled([Math.abs(b - a)], scale),
          ...(a !== 0 ? [Math.abs(((b - a) / a) * 100)] : []),
        ]),
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

const isYearLabel = (label: string | number) => /^(1[89]|20)\d\d$/.test(String(label).trim());

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

type Table = Extract<Visual, { kind: "table" }>;

/** A table has a direction where its columns are years (one row per item) or its rows are. */
function tableTrends(table: Table): Trend[] {
  const numeric = (row: Table["rows"][number]) => row.slice(1).every((c) => typeof c === "number");
  const rows = table.rows.filter(numeric);
  if (rows.length === 0) return [];
  if (table.columns.slice(1).every(isYearLabel)) {
    return trends(rows.map((r) => ({ name: String(r[0]), values: r.slice(1) as number[] })));
  }
  if (rows.length >= 2 && rows.every((r) => isYearLabel(r[0]!))) {
    return trends(
      table.columns.slice(1).map((name, i) => ({
        name,
        values: rows.map((r) => r[i + 1] as number),
      })),
    );
  }
  return [];
}

function chartFactsOf(visual: ChartVisual): ChartFacts {
  switch (visual.kind) {
    case "line":
    case "bar": {
      const scale = scaleOf(visual.yUnit);
      const labels = visual.kind === "line" ? [] : visual.categories;
      const values = visual.series.flatMap((s) => s.values);
      const totals =
        visual.series.length > 1
          ? visual.series[0]!.values.map((_, i) => sum(visual.series.map((s) => s.values[i]!)))
          : [];
      return {
        names: [...labels, ...(visual.series.length > 1 ? visual.series.map((s) => s.name) : [])],
        values: [
          ...scaled([...values, ...totals], scale),
          ...labelNumbers([...labels, ...visual.series.map((s) => s.name)]),
        ],
        changes: changes([...visual.series.map((s) => s.values), totals], scale),
        trends: barOrLineTrends(visual),
      };
    }
    case "pie":
      return {
        names: [...new Set(visual.pies.flatMap((p) => p.slices.map((s) => s.label)))],
        values: [
          ...visual.pies.flatMap((p) => p.slices.map((s) => s.value)),
          ...labelNumbers(visual.pies.flatMap((p) => [p.title, ...p.slices.map((s) => s.label)])),
        ],
        changes: changes(visual.pies.map((p) => p.slices.map((s) => s.value))),
      };
    case "table": {
      const scale = scaleOf(`${visual.note ?? ""} ${visual.columns.join(" ")}`);
      const numbers = visual.rows.map((r) =>
        r.slice(1).filter((c): c is number => typeof c === "number"),
      );
      // A column's total ("the four universities had 17,800 in all") is data a reader adds up.
      const columnTotals =
        numbers.length > 1 && numbers.every((r) => r.length === numbers[0]!.length)
          ? numbers[0]!.map((_, i) => sum(numbers.map((r) => r[i]!)))
          : [];
      return {
        names: visual.rows.map((r) => r[0]).filter((c): c is string => typeof c === "string"),
        values: [
          ...scaled([...numbers.flat(), ...columnTotals], scale),
          ...labelNumbers([...visual.columns, ...visual.rows.map((r) => r[0]!)]),
        ],
        changes: changes([...numbers, columnTotals], scale),
        trends: tableTrends(visual),
      };
    }
  }
}

/**
 * The names and numbers of a chart or table that a Task 1 report should use. Totals across
 * series are included, since "total generation rose from 84 to 103" reports the data too; a
 * mixed task has the facts of both its charts. A process or a map has no figures, so it has no
 * facts to check.
 */
export function chartFacts(visual: Visual): ChartFacts | undefined {
  switch (visual.kind) {
    case "process":
    case "map":
      return undefined;
    case "mixed": {
      const [a, b] = visual.parts.map(chartFactsOf) as [ChartFacts, ChartFacts];
      return {
        names: [...new Set([...a.names, ...b.names])],
        values: [...a.values, ...b.values],
        changes: [...a.changes, ...b.changes],
        trends: [...(a.trends ?? []), ...(b.trends ?? [])],
      };
    }
    default:
      return chartFactsOf(visual);
  }
}
