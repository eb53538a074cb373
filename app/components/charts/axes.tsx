import { formatNumber } from "../../../src/content/describe";
import { FONT, GRID, INK, SMALL_FONT, WIDTH, round, textWidth } from "./common";
import { linear, niceTicks } from "./scale";

const TOP = 30;
const RIGHT = 12;
const PLOT_HEIGHT = 190;

export interface ValueAxis {
  left: number;
  right: number;
  top: number;
  bottom: number;
  ticks: number[];
  y: (v: number) => number;
}

/**
 * The vertical value axis shared by line and bar charts. It always starts at zero for
 * non-negative data, because an axis cut above zero exaggerates change.
 */
export function valueAxis(values: readonly number[]): ValueAxis {
  const ticks = niceTicks(Math.min(0, ...values), Math.max(0, ...values), 5);
  const widest = Math.max(...ticks.map((t) => textWidth(formatNumber(t), SMALL_FONT)));
  const left = Math.ceil(widest) + 10;
  const top = TOP;
  const bottom = top + PLOT_HEIGHT;
  const scale = linear(ticks[0]!, ticks.at(-1)!, bottom, top);
  return {
    left,
    right: WIDTH - RIGHT,
    top,
    bottom,
    ticks,
    y: (v) => round(scale(v)),
  };
}

export function ValueAxisLines({ axis, unit }: { axis: ValueAxis; unit: string }) {
  return (
    <g>
      {/* The unit sits above the axis, horizontal, because rotated text is hard to read. */}
      <text x={4} y={FONT} fontSize={SMALL_FONT}>
        {unit}
      </text>
      {axis.ticks.map((t) => (
        <g key={t}>
          <line
            x1={axis.left}
            x2={axis.right}
            y1={axis.y(t)}
            y2={axis.y(t)}
            stroke={t === 0 ? INK : GRID}
            strokeWidth={1}
          />
          <text x={axis.left - 6} y={axis.y(t)} dy="0.35em" textAnchor="end" fontSize={SMALL_FONT}>
            {formatNumber(t)}
          </text>
        </g>
      ))}
      <line x1={axis.left} x2={axis.left} y1={axis.top} y2={axis.bottom} stroke={INK} />
    </g>
  );
}
