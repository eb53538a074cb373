import type { Visual } from "../../../src/content/schema";
import { BarChart } from "./BarChart";
import { DataTable } from "./DataTable";
import { LineChart } from "./LineChart";
import { MapComparison } from "./MapComparison";
import { PieChart } from "./PieChart";
import { ProcessDiagram } from "./ProcessDiagram";

/** Draws the visual of an Academic Task 1 question; pure server-rendered markup, no script. */
export function TaskVisual({ visual }: { visual: Visual }) {
  switch (visual.kind) {
    case "line":
      return <LineChart visual={visual} />;
    case "bar":
      return <BarChart visual={visual} />;
    case "pie":
      return <PieChart visual={visual} />;
    case "table":
      return <DataTable visual={visual} />;
    case "mixed":
      // Each chart keeps its own title and description; the group names what they share.
      return (
        <section aria-label={visual.title}>
          {visual.parts.map((part, i) => (
            <TaskVisual key={i} visual={part} />
          ))}
        </section>
      );
    case "process":
      return <ProcessDiagram visual={visual} />;
    case "map":
      return <MapComparison visual={visual} />;
  }
}
