import type { MapFeature, MapVisual, Visual } from "./schema";

const numberFormat = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 2 });

export function formatNumber(value: number): string {
  return numberFormat.format(value);
}

function list(items: readonly string[]): string {
  return items.join("; ");
}

const ROWS = ["north", "centre", "south"] as const;
const COLS = ["west", "centre", "east"] as const;

/** Compass position of a feature's centre, in thirds of the grid (north is the top). */
function position(f: MapFeature, grid: MapVisual["grid"]): string {
  const third = (v: number, size: number) => Math.min(2, Math.floor((v / size) * 3));
  const row = ROWS[third(f.y + f.h / 2, grid.rows)]!;
  const col = COLS[third(f.x + f.w / 2, grid.cols)]!;
  if (f.w >= grid.cols * 0.75) return row === "centre" ? "across the middle" : `across the ${row}`;
  if (row === "centre" && col === "centre") return "in the centre";
  if (row === "centre") return `in the ${col}`;
  if (col === "centre") return `in the ${row}`;
  return `in the ${row}-${col}`;
}

/**
 * The data of a visual as plain text, without interpretation: a student using a screen reader
 * gets the same facts a sighted student reads off the chart, and no overview is given away.
 * Also suitable for giving a scorer the data a Task 1 answer should report.
 */
export function describeVisual(visual: Visual): string {
  switch (visual.kind) {
    case "line":
    case "bar": {
      const labels = visual.kind === "line" ? visual.xLabels : visual.categories;
      const head =
        visual.kind === "line"
          ? `Line graph with ${visual.series.length} ${visual.series.length === 1 ? "line" : "lines"} from ${labels[0]} to ${labels.at(-1)}.`
          : `Bar chart of ${visual.series.map((s) => s.name).join(", ")} for ${labels.length} categories: ${labels.join(", ")}.`;
      const series = visual.series.map(
        (s) => `${s.name}: ${list(s.values.map((v, i) => `${labels[i]} ${formatNumber(v)}`))}.`,
      );
      return [head, `Values in ${visual.yUnit}.`, ...series].join(" ");
    }
    case "pie": {
      const head =
        visual.pies.length === 1
          ? "Pie chart, in percent."
          : `Two pie charts, in percent: ${visual.pies.map((p) => p.title).join(" and ")}.`;
      const pies = visual.pies.map(
        (p) => `${p.title}: ${list(p.slices.map((s) => `${s.label} ${formatNumber(s.value)}%`))}.`,
      );
      return [head, ...pies].join(" ");
    }
    case "table": {
      const [first, ...rest] = visual.columns;
      const rows = visual.rows.map((row) => {
        const [label, ...cells] = row;
        const values = cells.map(
          (c, i) => `${rest[i]} ${typeof c === "number" ? formatNumber(c) : c}`,
        );
        return `${label}: ${list(values)}.`;
      });
      const note = visual.note ? ` ${visual.note}` : "";
      return [`Table with one row per ${first!.toLowerCase()}.${note}`, ...rows].join(" ");
    }
    case "process": {
      const steps = visual.steps.map(
        (s, i) => `${i + 1}. ${s.label}${s.detail ? `: ${s.detail}` : ""}.`,
      );
      const shape = visual.cyclic
        ? `a cycle of ${steps.length} stages; after the last stage it begins again`
        : `${steps.length} stages`;
      return [`Process diagram with ${shape}.`, ...steps].join(" ");
    }
    case "mixed": {
      const [first, second] = visual.parts;
      return `Two charts read together. First, ${first.title}: ${describeVisual(first)} Second, ${second.title}: ${describeVisual(second)}`;
    }
    case "map": {
      const state = (s: MapVisual["before"]) =>
        `${s.label}: ${list(
          s.features.filter((f) => f.label).map((f) => `${f.label} ${position(f, visual.grid)}`),
        )}.`;
      return [
        `Two maps of the same area, ${visual.before.label} and ${visual.after.label}, with north at the top.`,
        state(visual.before),
        state(visual.after),
      ].join(" ");
    }
  }
}
