import { describeVisual } from "../../../src/content/describe";
import type { MapFeatureKind, MapVisual } from "../../../src/content/schema";
import { FONT, INK, SMALL_FONT, WIDTH, round, wrapText, type FillStyle } from "./common";
import { FilledChart } from "./frames";

const MARGIN = 8;
const HEADING = 28;
const GAP = 16;
const LINE = 16;

/** Conventional map colours, each with its own pattern so kinds differ without colour too. */
const KINDS: Record<MapFeatureKind, FillStyle & { name: string }> = {
  building: { name: "Building", colour: "#c9b79c", ink: INK, pattern: "solid" },
  housing: { name: "Housing", colour: "#e8a87c", ink: INK, pattern: "crosshatch" },
  shops: { name: "Shops", colour: "#d7a6c8", ink: INK, pattern: "dots" },
  road: { name: "Road", colour: "#a3a3a3", ink: "#ffffff", pattern: "horizontal" },
  path: { name: "Path", colour: "#e6d6b3", ink: INK, pattern: "back-diagonal" },
  park: { name: "Park", colour: "#b7dfa8", ink: "#3d7a35", pattern: "dots" },
  trees: { name: "Trees", colour: "#6fae62", ink: "#ffffff", pattern: "grid" },
  water: { name: "Water", colour: "#8cc4e8", ink: "#ffffff", pattern: "horizontal" },
  farmland: { name: "Farmland", colour: "#efe3a0", ink: "#a08a2e", pattern: "vertical" },
  "car-park": { name: "Car park", colour: "#d4d4d4", ink: INK, pattern: "grid" },
  sports: { name: "Sports ground", colour: "#9fd3a0", ink: "#ffffff", pattern: "diagonal" },
};

/** The two states are stacked, not side by side, so each map keeps a readable size on a phone. */
export function MapComparison({ visual }: { visual: MapVisual }) {
  const cell = (WIDTH - MARGIN * 2) / visual.grid.cols;
  const mapHeight = cell * visual.grid.rows;
  const stateHeight = HEADING + mapHeight + GAP;
  const states = [visual.before, visual.after];
  const kinds = (Object.keys(KINDS) as MapFeatureKind[]).filter((k) =>
    states.some((s) => s.features.some((f) => f.kind === k)),
  );

  return (
    <FilledChart
      title={visual.title}
      description={describeVisual(visual)}
      height={stateHeight * 2 - GAP + MARGIN}
      series={kinds.map((k) => ({ label: KINDS[k].name, style: KINDS[k] }))}
    >
      {(fillAt) => {
        const fill = (kind: MapFeatureKind) => fillAt(kinds.indexOf(kind));
        return states.map((state, si) => {
          const top = si * stateHeight + HEADING;
          return (
            <g key={state.label}>
              <text x={MARGIN} y={top - 9} fontWeight="bold" fontSize={FONT + 1}>
                {state.label}
              </text>
              <text x={WIDTH - MARGIN} y={top - 9} textAnchor="end" fontSize={SMALL_FONT}>
                N ↑
              </text>
              <rect
                x={MARGIN}
                y={top}
                width={round(cell * visual.grid.cols)}
                height={round(mapHeight)}
                fill="#f4f1ea"
                stroke={INK}
              />
              {state.features.map((f, fi) => {
                const x = MARGIN + f.x * cell;
                const y = top + f.y * cell;
                const w = f.w * cell;
                const h = f.h * cell;
                const lines = f.label ? wrapText(f.label, w - 6, SMALL_FONT) : [];
                const cx = round(x + w / 2);
                return (
                  <g key={fi}>
                    <rect
                      x={round(x)}
                      y={round(y)}
                      width={round(w)}
                      height={round(h)}
                      fill={fill(f.kind)}
                      stroke={INK}
                      strokeWidth={0.75}
                    />
                    {lines.length > 0 ? (
                      <text
                        x={cx}
                        y={round(y + h / 2 - ((lines.length - 1) * LINE) / 2)}
                        textAnchor="middle"
                        fontSize={SMALL_FONT}
                        fontWeight="bold"
                        stroke="#ffffff"
                        strokeWidth={2.5}
                        paintOrder="stroke"
                        strokeLinejoin="round"
                      >
                        {lines.map((line, li) => (
                          <tspan key={li} x={cx} dy={li === 0 ? "0.35em" : LINE}>
                            {line}
                          </tspan>
                        ))}
                      </text>
                    ) : null}
                  </g>
                );
              })}
            </g>
          );
        });
      }}
    </FilledChart>
  );
}
