import { describeVisual, formatNumber } from "../../../src/content/describe";
import type { PieVisual } from "../../../src/content/schema";
import { SMALL_FONT, WIDTH, round, textWidth } from "./common";
import { FilledChart } from "./frames";

// Below this share a percentage does not fit inside its slice and is written outside it.
const INSIDE_MIN = 6;
const TITLE_HEIGHT = 26;

function point(cx: number, cy: number, r: number, share: number): [number, number] {
  // Shares are measured clockwise from twelve o'clock, as pie charts are read.
  const angle = (share / 100) * 2 * Math.PI;
  return [round(cx + r * Math.sin(angle)), round(cy - r * Math.cos(angle))];
}

function slicePath(cx: number, cy: number, r: number, from: number, to: number): string {
  const [x0, y0] = point(cx, cy, r, from);
  const [x1, y1] = point(cx, cy, r, to);
  const large = to - from > 50 ? 1 : 0;
  return `M${cx},${cy}L${x0},${y0}A${r},${r} 0 ${large} 1 ${x1},${y1}Z`;
}

interface Placed {
  label: string;
  from: number;
  to: number;
  text: string;
  x: number;
  y: number;
  anchor: "start" | "middle" | "end";
}

function place(
  slices: PieVisual["pies"][number]["slices"],
  cx: number,
  cy: number,
  r: number,
  height: number,
): Placed[] {
  let start = 0;
  return slices.map((slice) => {
    const from = start;
    start += slice.value;
    const mid = from + slice.value / 2;
    const inside = slice.value >= INSIDE_MIN;
    const text = `${formatNumber(slice.value)}%`;
    let [x, y] = point(cx, cy, inside ? r * 0.66 : r + 12, mid);
    const side = Math.sin((mid / 100) * 2 * Math.PI);
    const anchor = inside || Math.abs(side) < 0.3 ? "middle" : side > 0 ? "start" : "end";
    const width = textWidth(text, SMALL_FONT);
    // Keep outside labels within the drawing on narrow screens.
    if (anchor === "end") x = Math.max(x, width + 2);
    if (anchor === "start") x = Math.min(x, WIDTH - width - 2);
    if (!inside) y = Math.min(Math.max(y, TITLE_HEIGHT + 8), height - 8);
    return { label: slice.label, from, to: start, text, x, y, anchor };
  });
}

export function PieChart({ visual }: { visual: PieVisual }) {
  // The same label keeps the same fill in both pies, so the pies can be compared.
  const labels = [...new Set(visual.pies.flatMap((p) => p.slices.map((s) => s.label)))];
  const two = visual.pies.length === 2;
  const r = two ? 74 : 100;
  const cy = TITLE_HEIGHT + r + 20;
  const height = cy + r + 20;

  return (
    <FilledChart
      title={visual.title}
      description={describeVisual(visual)}
      height={height}
      series={labels.map((label) => ({ label }))}
    >
      {(fillAt) => {
        const fill = (label: string) => fillAt(labels.indexOf(label));
        return visual.pies.map((pie, pi) => {
          const cx = two ? (WIDTH / 4) * (pi * 2 + 1) : WIDTH / 2;
          const placed = place(pie.slices, cx, cy, r, height);
          return (
            <g key={pie.title}>
              <text x={cx} y={18} textAnchor="middle" fontWeight="bold">
                {pie.title}
              </text>
              {placed.map((s) =>
                s.to - s.from >= 100 ? (
                  <circle key={s.label} cx={cx} cy={cy} r={r} fill={fill(s.label)} />
                ) : (
                  <path
                    key={s.label}
                    d={slicePath(cx, cy, r, s.from, s.to)}
                    fill={fill(s.label)}
                    stroke="#ffffff"
                    strokeWidth={1.5}
                  />
                ),
              )}
              {/* Labels after all slices, so that no slice is painted over a neighbour's label. */}
              {placed.map((s) => (
                <text
                  key={s.label}
                  x={s.x}
                  y={s.y}
                  dy="0.35em"
                  textAnchor={s.anchor}
                  fontSize={SMALL_FONT}
                  fontWeight="bold"
                  stroke="#ffffff"
                  strokeWidth={3}
                  paintOrder="stroke"
                  strokeLinejoin="round"
                >
                  {s.text}
                </text>
              ))}
            </g>
          );
        });
      }}
    </FilledChart>
  );
}
