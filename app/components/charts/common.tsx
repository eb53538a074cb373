import { useId, type ReactNode } from "react";

/**
 * Drawing width in SVG units. Charts scale to their container, so at a 360px phone (about 300px
 * of content) one unit is about 0.85px: 14-unit labels stay near 12px there.
 */
export const WIDTH = 360;
export const FONT = 15;
export const SMALL_FONT = 14;
export const INK = "#1d2433";
export const GRID = "#d6dbe4";

// Average advance of a character in common sans-serif fonts, as a share of the font size;
// slightly generous so that estimated text never overflows its box.
const CHAR_WIDTH = 0.56;

/** One decimal place is finer than a pixel at any size we draw, and keeps the HTML small. */
export function round(value: number): number {
  return Math.round(value * 10) / 10;
}

export function textWidth(text: string, fontSize: number): number {
  return text.length * fontSize * CHAR_WIDTH;
}

/** Greedy word wrap by estimated width; a word longer than a line keeps a line to itself. */
export function wrapText(text: string, maxWidth: number, fontSize: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && textWidth(candidate, fontSize) > maxWidth) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line) lines.push(line);
  return lines;
}

type PatternKind =
  | "solid"
  | "diagonal"
  | "dots"
  | "crosshatch"
  | "horizontal"
  | "vertical"
  | "back-diagonal"
  | "grid";

export interface FillStyle {
  colour: string;
  /** Stroke for the pattern marks: light on dark colours, dark on light ones. */
  ink: string;
  pattern: PatternKind;
}

interface SeriesStyle extends FillStyle {
  dash?: string;
  marker: "circle" | "square" | "triangle" | "diamond" | "cross";
}

/**
 * Okabe-Ito colours, which stay distinct for the common colour-vision deficiencies, each paired
 * with its own dash, marker and fill pattern so that no series is told apart by colour alone.
 */
const SERIES_STYLES: readonly SeriesStyle[] = [
  { colour: "#0072B2", ink: "#ffffff", pattern: "solid", marker: "circle" },
  { colour: "#D55E00", ink: "#ffffff", pattern: "diagonal", marker: "square", dash: "8 4" },
  { colour: "#009E73", ink: "#ffffff", pattern: "dots", marker: "triangle", dash: "2 3" },
  { colour: "#CC79A7", ink: "#ffffff", pattern: "crosshatch", marker: "diamond", dash: "10 3 2 3" },
  { colour: "#E69F00", ink: INK, pattern: "horizontal", marker: "cross", dash: "5 2" },
  { colour: "#56B4E9", ink: INK, pattern: "vertical", marker: "circle", dash: "1 2" },
  { colour: "#F0E442", ink: INK, pattern: "back-diagonal", marker: "square", dash: "6 2 1 2" },
  { colour: "#6b6b6b", ink: "#ffffff", pattern: "grid", marker: "triangle", dash: "3 3" },
];

export function seriesStyle(index: number): SeriesStyle {
  return SERIES_STYLES[index % SERIES_STYLES.length]!;
}

const PATTERN_PATHS: Record<Exclude<PatternKind, "solid" | "dots">, string> = {
  diagonal: "M-2,2l4,-4M0,8l8,-8M6,10l4,-4",
  "back-diagonal": "M-2,6l4,4M0,0l8,8M6,-2l4,4",
  crosshatch: "M0,0l8,8M8,0l-8,8",
  horizontal: "M0,4h8",
  vertical: "M4,0v8",
  grid: "M0,4h8M4,0v8",
};

/** One fill pattern per style, for `fill={patternUrl(id)}`. */
export function FillPattern({ id, style }: { id: string; style: FillStyle }) {
  return (
    <pattern id={id} patternUnits="userSpaceOnUse" width={8} height={8}>
      <rect width={8} height={8} fill={style.colour} />
      {style.pattern === "dots" ? (
        <circle cx={4} cy={4} r={1.6} fill={style.ink} />
      ) : style.pattern === "solid" ? null : (
        <path d={PATTERN_PATHS[style.pattern]} stroke={style.ink} strokeWidth={1.5} fill="none" />
      )}
    </pattern>
  );
}

export function patternUrl(id: string): string {
  return `url(#${id})`;
}

export function Marker({
  shape,
  x,
  y,
  colour,
}: {
  shape: SeriesStyle["marker"];
  x: number;
  y: number;
  colour: string;
}) {
  const r = 4;
  const common = { fill: colour, stroke: "#ffffff", strokeWidth: 1.2 };
  switch (shape) {
    case "circle":
      return <circle cx={x} cy={y} r={r} {...common} />;
    case "square":
      return <rect x={x - r} y={y - r} width={r * 2} height={r * 2} {...common} />;
    case "triangle":
      return (
        <path d={`M${x},${y - r - 1}L${x + r + 1},${y + r}L${x - r - 1},${y + r}Z`} {...common} />
      );
    case "diamond":
      return (
        <path
          d={`M${x},${y - r - 1}L${x + r + 1},${y}L${x},${y + r + 1}L${x - r - 1},${y}Z`}
          {...common}
        />
      );
    case "cross":
      return (
        <path
          d={`M${x - r},${y - r}L${x + r},${y + r}M${x + r},${y - r}L${x - r},${y + r}`}
          stroke={colour}
          strokeWidth={2.5}
        />
      );
  }
}

export interface LegendItem {
  label: string;
  swatch: ReactNode;
}

/** An HTML list, so that long legends wrap on narrow screens instead of running off the SVG. */
export function Legend({ items }: { items: readonly LegendItem[] }) {
  return (
    <ul className="chart-legend">
      {items.map((item) => (
        <li key={item.label}>
          <svg
            className="chart-swatch"
            aria-hidden="true"
            viewBox="0 0 36 16"
            width={36}
            height={16}
          >
            {item.swatch}
          </svg>
          {item.label}
        </li>
      ))}
    </ul>
  );
}

/** A legend swatch filled with a pattern defined in the chart's own SVG. */
/** A legend key for a line series: its colour, dash and marker, as drawn in the chart. */
export function LineSwatch({ index }: { index: number }) {
  const style = seriesStyle(index);
  return (
    <>
      <line
        x1={2}
        x2={34}
        y1={8}
        y2={8}
        stroke={style.colour}
        strokeWidth={2.5}
        strokeDasharray={style.dash}
      />
      <Marker shape={style.marker} x={18} y={8} colour={style.colour} />
    </>
  );
}

export function FillSwatch({ fill }: { fill: string }) {
  return <rect x={4} y={1} width={28} height={14} fill={fill} stroke={INK} strokeWidth={0.75} />;
}

/** Ids that are unique on the page and safe inside `url(#...)`. */
export function useChartId(): string {
  return `chart${useId().replace(/[^A-Za-z0-9_-]/g, "")}`;
}

export function ChartFigure({
  id,
  title,
  description,
  height,
  legend,
  children,
}: {
  id: string;
  title: string;
  description: string;
  height: number;
  legend?: ReactNode;
  children: ReactNode;
}) {
  return (
    <figure className="chart">
      <figcaption className="chart-title">{title}</figcaption>
      <svg
        className="chart-svg"
        role="img"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-desc`}
        viewBox={`0 0 ${WIDTH} ${Math.ceil(height)}`}
        width="100%"
        preserveAspectRatio="xMidYMin meet"
        fontSize={FONT}
        fill={INK}
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {children}
      </svg>
      {legend}
    </figure>
  );
}
