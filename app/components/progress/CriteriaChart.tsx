import type { CriterionStat } from "../../../src/progress/charts";
import { describeCriterionStats } from "../../../src/progress/charts";
import { ValueAxisLines } from "../charts/axes";
import { INK, SMALL_FONT, round } from "../charts/common";
import { FilledChart } from "../charts/frames";
import { bandAxis } from "./band-axis";

const BARS = [
  { key: "latest", label: "Latest" },
  { key: "average", label: "Your average" },
] as const;

/** Latest band against the student's average, per criterion, as grouped bars. */
export function CriteriaChart({
  title,
  stats,
}: {
  title: string;
  stats: readonly CriterionStat[];
}) {
  const axis = bandAxis();
  const group = (axis.right - axis.left) / stats.length;
  const bar = Math.min(28, (group * 0.7) / BARS.length);

  return (
    <FilledChart
      title={title}
      description={describeCriterionStats(stats)}
      height={axis.bottom + 28}
      series={BARS}
    >
      {(fill) => (
        <>
          <ValueAxisLines axis={axis} unit="Band" />
          {stats.map((s, gi) => {
            const centre = axis.left + group * (gi + 0.5);
            return (
              <g key={s.criterion}>
                {BARS.map((b, bi) => {
                  const value = s[b.key];
                  const x = round(centre - bar * (BARS.length / 2) + bar * bi);
                  const y = axis.y(value);
                  return (
                    <g key={b.key}>
                      <rect
                        x={x}
                        y={y}
                        width={round(bar - 2)}
                        height={round(axis.bottom - y)}
                        fill={fill(bi)}
                        stroke={INK}
                        strokeWidth={0.75}
                      />
                      <text
                        x={round(x + (bar - 2) / 2)}
                        y={y - 4}
                        textAnchor="middle"
                        fontSize={SMALL_FONT - 2}
                      >
                        {value.toFixed(1)}
                      </text>
                    </g>
                  );
                })}
                <text
                  x={round(centre)}
                  y={axis.bottom + 20}
                  textAnchor="middle"
                  fontSize={SMALL_FONT}
                >
                  {s.criterion}
                </text>
              </g>
            );
          })}
        </>
      )}
    </FilledChart>
  );
}
