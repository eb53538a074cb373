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
      if (visual.kind === "table") {
        for (const [label, first] of visual.rows) {
          const value = typeof first === "number" ? formatNumber(first) : first;
          expect(text).toContain(`${label}: ${visual.columns[1]} ${value}`);
        }
      }
    }
    const table = visuals.find((v) => v.kind === "table" && v.title.startsWith("International"))!;
    expect(describeVisual(table)).toContain("Northgate University: 2014 4,200");
  });

  it("describes both charts of a mixed task, each with its title and data", () => {
    const mixed = visuals.filter((v) => v.kind === "mixed");
    expect(mixed.length).toBeGreaterThan(0);
    for (const visual of mixed) {
      const text = describeVisual(visual);
      for (const part of visual.kind === "mixed" ? visual.parts : []) {
        expect(text).toContain(part.title);
        expect(text).toContain(describeVisual(part));
      }
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
