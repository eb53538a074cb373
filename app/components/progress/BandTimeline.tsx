import type { BandSeries } from "../../../src/progress/charts";
import { SKILL_NAMES, describeBandSeries, formatShortDate } from "../../../src/progress/charts";
import { ValueAxisLines } from "../charts/axes";
import { INK, SMALL_FONT, round } from "../charts/common";
import { LinedChart, SeriesLine } from "../charts/frames";
import { linear } from "../charts/scale";
import { bandAxis } from "./band-axis";

// Points sit inside the plot, so the first and last markers and their labels stay visible.
const INSET = 16;

/** Overall band per assessment over time, one line per skill, drawn on the server. */
export function BandTimeline({ series }: { series: readonly BandSeries[] }) {
  const axis = bandAxis();
  const times = series.flatMap((s) => s.points.map((p) => Date.parse(p.date)));
  const first = Math.min(...times);
  const last = Math.max(...times);
  const scale = linear(first, last, axis.left + INSET, axis.right - INSET);
  // One date only: a single column of points, in the middle rather than at the edge.
  const x = (date: string) =>
    first === last ? round((axis.left + axis.right) / 2) : round(scale(Date.parse(date)));
  const firstDate = new Date(first).toISOString();
  const lastDate = new Date(last).toISOString();

  return (
    <LinedChart
      title="Overall band over time"
      description={describeBandSeries(series)}
      height={axis.bottom + 28}
      labels={series.map((s) => SKILL_NAMES[s.skill])}
    >
      <ValueAxisLines axis={axis} unit="Band" />
      {[...new Set(series.flatMap((s) => s.points.map((p) => x(p.date))))].map((px) => (
        <line key={px} x1={px} x2={px} y1={axis.bottom} y2={axis.bottom + 5} stroke={INK} />
      ))}
      <text
        x={x(firstDate)}
        y={axis.bottom + 20}
        textAnchor={first === last ? "middle" : "start"}
        fontSize={SMALL_FONT}
      >
        {formatShortDate(firstDate)}
      </text>
      {first === last ? null : (
        <text x={x(lastDate)} y={axis.bottom + 20} textAnchor="end" fontSize={SMALL_FONT}>
          {formatShortDate(lastDate)}
        </text>
      )}
      {series.map((s, si) => (
        <SeriesLine
          key={s.skill}
          index={si}
          points={s.points.map((p) => ({ key: p.assessmentId, x: x(p.date), y: axis.y(p.band) }))}
        />
      ))}
    </LinedChart>
  );
}
