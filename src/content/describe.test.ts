import { describe, expect, it } from "vitest";
import { listQuestions } from "./bank";
import { describeVisual, formatNumber } from "./describe";
import type { AcademicTask1Question } from "./schema";

const visuals = (listQuestions({ task: 1, module: "academic" }) as AcademicTask1Question[]).map(
  (q) => q.visual,
);

describe("describeVisual", () => {
  it("states every data value of a chart, with its label", () => {
    for (const visual of visuals) {
      const text = describeVisual(visual);
      if (visual.kind === "line" || visual.kind === "bar") {
        const labels = visual.kind === "line" ? visual.xLabels : visual.categories;
        for (const s of visual.series) {
          expect(text).toContain(`${s.name}: ${labels[0]} ${formatNumber(s.values[0]!)}`);
        }
        expect(text).toContain(visual.yUnit);
      }
      if (visual.kind === "pie") {
        for (const s of visual.pies.flatMap((p) => p.slices)) {
          expect(text).toContain(`${s.label} ${s.value}%`);
        }
      }
      if (visual.kind === "table") expect(text).toContain("Northgate University: 2014 4,200");
    }
  });

  it("places map features by compass direction and lists process steps in order", () => {
    const map = describeVisual(visuals.find((v) => v.kind === "map")!);
    expect(map).toContain("Farmland in the north-west");
    expect(map).toContain("River Aske across the south");
    const process = describeVisual(visuals.find((v) => v.kind === "process")!);
    expect(process).toMatch(/cycle of 8 stages/);
    expect(process.indexOf("1. Collection")).toBeLessThan(process.indexOf("8. Filling and sale"));
  });
});
