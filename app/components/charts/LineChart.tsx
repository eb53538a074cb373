import type { LineVisual } from "../../../src/content/schema";
import { describeVisual } from "../../../src/content/describe";
import { ValueAxisLines, valueAxis } from "./axes";
import { INK, SMALL_FONT, round, textWidth } from "./common";
import { LinedChart, SeriesLine } from "./frames";

export function LineChart({ visual }: { visual: LineVisual }) {
  const axis = valueAxis(visual.series.flatMap((s) => s.values));
  const n = visual.xLabels.length;
  // Points sit inside the plot rather than on the axis, so first and last labels stay visible.
  const inset = 14;
  const spacing = (axis.right - axis.left - inset * 2) / (n - 1);
  const x = (i: number) => round(axis.left + inset + i * spacing);
  // Show every label that fits; on a phone twelve month names become every other month.
  const widest = Math.max(...visual.xLabels.map((l) => textWidth(l, SMALL_FONT))) + 6;
  const every = Math.max(1, Math.ceil(widest / spacing));

  return (
    <LinedChart
      title={visual.title}
      description={describeVisual(visual)}
      height={axis.bottom + 28}
      labels={visual.series.map((s) => s.name)}
    >
      <ValueAxisLines axis={axis} unit={visual.yUnit} />
      {visual.xLabels.map((label, i) => (
        <g key={label}>
          <line x1={x(i)} x2={x(i)} y1={axis.bottom} y2={axis.bottom + 5} stroke={INK} />
          {i % every === 0 ? (
            <text x={x(i)} y={axis.bottom + 20} textAnchor="middle" fontSize={SMALL_FONT}>
              {label}
            </text>
          ) : null}
        </g>
      ))}
      {visual.series.map((s, si) => (
        <SeriesLine
          key={s.name}
          index={si}
          points={s.values.map((v, i) => ({ key: i, x: x(i), y: axis.y(v) }))}
        />
      ))}
    </LinedChart>
  );
}
