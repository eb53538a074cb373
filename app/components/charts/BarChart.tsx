import { describeVisual, formatNumber } from "../../../src/content/describe";
import type { BarVisual } from "../../../src/content/schema";
import { ValueAxisLines, valueAxis, type ValueAxis } from "./axes";
import { FONT, GRID, INK, SMALL_FONT, WIDTH, round, textWidth, wrapText } from "./common";
import { FilledChart } from "./frames";
import { linear, niceTicks } from "./scale";

const LINE_HEIGHT = 16;
const MAX_LABEL_LINES = 3;
const BAR = 16;

interface BarsProps {
  visual: BarVisual;
  fill: (series: number) => string;
}

function VerticalBars({
  visual,
  fill,
  axis,
  labels,
}: BarsProps & { axis: ValueAxis; labels: string[][] }) {
  const group = (axis.right - axis.left) / visual.categories.length;
  const gap = group * 0.2;
  const bar = (group - gap) / visual.series.length;
  const zero = axis.y(0);
  return (
    <>
      <ValueAxisLines axis={axis} unit={visual.yUnit} />
      {visual.categories.map((category, ci) => {
        const x0 = axis.left + ci * group + gap / 2;
        const cx = round(axis.left + (ci + 0.5) * group);
        return (
          <g key={category}>
            {visual.series.map((s, si) => {
              const y = axis.y(s.values[ci]!);
              return (
                <rect
                  key={s.name}
                  x={round(x0 + si * bar)}
                  y={Math.min(y, zero)}
                  width={round(bar)}
                  height={round(Math.abs(zero - y))}
                  fill={fill(si)}
                  stroke={INK}
                  strokeWidth={0.75}
                />
              );
            })}
            <text x={cx} y={axis.bottom + 4} textAnchor="middle" fontSize={SMALL_FONT}>
              {labels[ci]!.map((line, li) => (
                <tspan key={li} x={cx} dy={LINE_HEIGHT}>
                  {line}
                </tspan>
              ))}
            </text>
          </g>
        );
      })}
      <line x1={axis.left} x2={axis.right} y1={zero} y2={zero} stroke={INK} />
    </>
  );
}

/** Height of the horizontal layout, which the figure needs before drawing. */
function horizontalLayout(visual: BarVisual) {
  const ticks = niceTicks(
    Math.min(0, ...visual.series.flatMap((s) => s.values)),
    Math.max(0, ...visual.series.flatMap((s) => s.values)),
    5,
  );
  const edge = (t: number) => textWidth(formatNumber(t), SMALL_FONT) / 2 + 4;
  const left = Math.max(8, edge(ticks[0]!));
  const right = WIDTH - edge(ticks.at(-1)!);
  let y = FONT + 16;
  const blocks = visual.categories.map((category) => {
    const lines = wrapText(category, right - left, SMALL_FONT);
    const block = { category, lines, top: y, bars: y + lines.length * LINE_HEIGHT + 6 };
    y = block.bars + visual.series.length * (BAR + 2) + 12;
    return block;
  });
  return { ticks, left, right, blocks, bottom: y - 8 };
}

/**
 * Used when category names are too long to sit under vertical bars on a phone: each category
 * gets its own row, its name written in full above its bars.
 */
function HorizontalBars({
  visual,
  fill,
  layout,
}: BarsProps & { layout: ReturnType<typeof horizontalLayout> }) {
  const { ticks, left, right, blocks, bottom } = layout;
  const x = linear(ticks[0]!, ticks.at(-1)!, left, right);
  const zero = round(x(0));
  const top = FONT + 10;
  return (
    <>
      <text x={4} y={FONT} fontSize={SMALL_FONT}>
        {visual.yUnit}
      </text>
      {ticks.map((t) => (
        <g key={t}>
          <line x1={round(x(t))} x2={round(x(t))} y1={top} y2={bottom} stroke={GRID} />
          <text x={round(x(t))} y={bottom + 18} textAnchor="middle" fontSize={SMALL_FONT}>
            {formatNumber(t)}
          </text>
        </g>
      ))}
      {blocks.map((b) => (
        <g key={b.category}>
          <text
            x={left}
            y={b.top}
            fontSize={SMALL_FONT}
            stroke="#ffffff"
            strokeWidth={3}
            paintOrder="stroke"
          >
            {b.lines.map((line, li) => (
              <tspan key={li} x={left} dy={LINE_HEIGHT}>
                {line}
              </tspan>
            ))}
          </text>
          {visual.series.map((s, si) => {
            const end = round(x(s.values[visual.categories.indexOf(b.category)]!));
            return (
              <rect
                key={s.name}
                x={Math.min(zero, end)}
                y={b.bars + si * (BAR + 2)}
                width={round(Math.abs(end - zero))}
                height={BAR}
                fill={fill(si)}
                stroke={INK}
                strokeWidth={0.75}
              />
            );
          })}
        </g>
      ))}
      <line x1={zero} x2={zero} y1={top} y2={bottom} stroke={INK} />
      <line x1={left} x2={right} y1={bottom} y2={bottom} stroke={INK} />
    </>
  );
}

export function BarChart({ visual }: { visual: BarVisual }) {
  // Estimate the vertical layout's label space from its axis, then decide whether it fits.
  const axis = valueAxis(visual.series.flatMap((s) => s.values));
  const group = (axis.right - axis.left) / visual.categories.length - 4;
  const labels = visual.categories.map((c) => wrapText(c, group, SMALL_FONT));
  const vertical = visual.categories.every(
    (c, i) =>
      labels[i]!.length <= MAX_LABEL_LINES &&
      c.split(/\s+/).every((word) => textWidth(word, SMALL_FONT) <= group),
  );
  const layout = vertical ? null : horizontalLayout(visual);
  const height = layout
    ? layout.bottom + 26
    : axis.bottom + 10 + Math.max(...labels.map((l) => l.length)) * LINE_HEIGHT;

  return (
    <FilledChart
      title={visual.title}
      description={describeVisual(visual)}
      height={height}
      series={visual.series.map((s) => ({ label: s.name }))}
    >
      {(fill) =>
        layout ? (
          <HorizontalBars visual={visual} fill={fill} layout={layout} />
        ) : (
          <VerticalBars visual={visual} fill={fill} axis={axis} labels={labels} />
        )
      }
    </FilledChart>
  );
}
