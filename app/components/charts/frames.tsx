import type { ReactNode } from "react";
import {
  ChartFigure,
  FillPattern,
  FillSwatch,
  Legend,
  LineSwatch,
  Marker,
  patternUrl,
  seriesStyle,
  useChartId,
  type FillStyle,
} from "./common";

interface FrameProps {
  title: string;
  description: string;
  height: number;
}

/**
 * A chart whose series are told apart by fill patterns, each with its swatch in the legend.
 * `children` draws the plot, given each series' fill by its index.
 */
export function FilledChart({
  series,
  children,
  ...frame
}: FrameProps & {
  /** Each series' name; its fill is the series style of its index unless given. */
  series: readonly { label: string; style?: FillStyle }[];
  children: (fill: (index: number) => string) => ReactNode;
}) {
  const id = useChartId();
  const fill = (index: number) => patternUrl(`${id}-s${index}`);
  return (
    <ChartFigure
      id={id}
      {...frame}
      legend={
        <Legend
          items={series.map((s, i) => ({ label: s.label, swatch: <FillSwatch fill={fill(i)} /> }))}
        />
      }
    >
      <defs>
        {series.map((s, i) => (
          <FillPattern key={s.label} id={`${id}-s${i}`} style={s.style ?? seriesStyle(i)} />
        ))}
      </defs>
      {children(fill)}
    </ChartFigure>
  );
}

/** A chart of lines, one a series, each told apart by colour, dash and marker. */
export function LinedChart({
  labels,
  children,
  ...frame
}: FrameProps & { labels: readonly string[]; children: ReactNode }) {
  const id = useChartId();
  return (
    <ChartFigure
      id={id}
      {...frame}
      legend={
        <Legend items={labels.map((label, i) => ({ label, swatch: <LineSwatch index={i} /> }))} />
      }
    >
      {children}
    </ChartFigure>
  );
}

/** One series of a LinedChart: its line through the points, and a marker on each. */
export function SeriesLine({
  index,
  points,
}: {
  index: number;
  points: readonly { key: string | number; x: number; y: number }[];
}) {
  const style = seriesStyle(index);
  return (
    <g>
      <polyline
        points={points.map((p) => `${p.x},${p.y}`).join(" ")}
        fill="none"
        stroke={style.colour}
        strokeWidth={2.5}
        strokeDasharray={style.dash}
        strokeLinejoin="round"
      />
      {points.map((p) => (
        <Marker key={p.key} shape={style.marker} x={p.x} y={p.y} colour={style.colour} />
      ))}
    </g>
  );
}
