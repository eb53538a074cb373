import { describeVisual } from "../../../src/content/describe";
import type { ProcessVisual } from "../../../src/content/schema";
import { ChartFigure, FONT, INK, SMALL_FONT, useChartId, wrapText } from "./common";

const BOX_X = 24;
const BOX_W = 280;
const PAD = 10;
const LINE = 17;
const ARROW = 26;
const RETURN_X = 336;

/**
 * Steps run top to bottom in one column, which fits a phone without shrinking text; a cyclic
 * process gets an arrow from the last step back up to the first.
 */
export function ProcessDiagram({ visual }: { visual: ProcessVisual }) {
  const id = useChartId();
  const arrow = `${id}-arrow`;
  const textWidth = BOX_W - PAD * 2;
  let y = 8;
  const boxes = visual.steps.map((step, i) => {
    const title = wrapText(`${i + 1}. ${step.label}`, textWidth, FONT);
    const detail = step.detail ? wrapText(step.detail, textWidth, SMALL_FONT) : [];
    const height = PAD * 2 + (title.length + detail.length) * LINE - 4;
    const box = { step, title, detail, y, height };
    y += height + ARROW;
    return box;
  });
  const last = boxes.at(-1)!;
  const first = boxes[0]!;
  const height = last.y + last.height + 8;
  const mid = (b: (typeof boxes)[number]) => b.y + b.height / 2;

  return (
    <ChartFigure id={id} title={visual.title} description={describeVisual(visual)} height={height}>
      <defs>
        <marker
          id={arrow}
          viewBox="0 0 10 10"
          refX={9}
          refY={5}
          markerWidth={7}
          markerHeight={7}
          orient="auto-start-reverse"
        >
          <path d="M0,0L10,5L0,10Z" fill={INK} />
        </marker>
      </defs>
      {boxes.map((b, i) => (
        <g key={b.step.label}>
          <rect
            x={BOX_X}
            y={b.y}
            width={BOX_W}
            height={b.height}
            rx={6}
            fill="#eef3fb"
            stroke="#1f5fbf"
            strokeWidth={1.5}
          />
          <text x={BOX_X + PAD} y={b.y + PAD} fontWeight="bold">
            {b.title.map((line, li) => (
              <tspan key={li} x={BOX_X + PAD} dy={li === 0 ? "0.9em" : LINE}>
                {line}
              </tspan>
            ))}
          </text>
          {b.detail.length > 0 ? (
            <text x={BOX_X + PAD} y={b.y + PAD + b.title.length * LINE} fontSize={SMALL_FONT}>
              {b.detail.map((line, li) => (
                <tspan key={li} x={BOX_X + PAD} dy={li === 0 ? "0.9em" : LINE}>
                  {line}
                </tspan>
              ))}
            </text>
          ) : null}
          {i < boxes.length - 1 ? (
            <line
              x1={BOX_X + BOX_W / 2}
              x2={BOX_X + BOX_W / 2}
              y1={b.y + b.height}
              y2={b.y + b.height + ARROW - 2}
              stroke={INK}
              strokeWidth={1.5}
              markerEnd={`url(#${arrow})`}
            />
          ) : null}
        </g>
      ))}
      {visual.cyclic ? (
        <path
          d={`M${BOX_X + BOX_W},${mid(last)}H${RETURN_X}V${mid(first)}H${BOX_X + BOX_W + 2}`}
          fill="none"
          stroke={INK}
          strokeWidth={1.5}
          strokeDasharray="6 4"
          markerEnd={`url(#${arrow})`}
        />
      ) : null}
    </ChartFigure>
  );
}
