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
