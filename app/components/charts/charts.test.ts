// A .ts file with createElement rather than .tsx, because the unit project collects *.test.ts.
import { createElement, Fragment } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { listQuestions } from "../../../src/content/bank";
import type { AcademicTask1Question, Visual } from "../../../src/content/schema";
import { wrapText } from "./common";
import { TaskVisual } from "./TaskVisual";

const visuals = (listQuestions({ task: 1, module: "academic" }) as AcademicTask1Question[]).map(
  (q) => ({ id: q.id, visual: q.visual }),
);
// The charts of a mixed task are drawn by the same components, so each is checked on its own too.
const drawn = visuals.flatMap((v) =>
  v.visual.kind === "mixed"
    ? [v, ...v.visual.parts.map((part, i) => ({ id: `${v.id} part ${i + 1}`, visual: part }))]
    : [v],
);

function render(visual: Visual): string {
  return renderToStaticMarkup(createElement(TaskVisual, { visual }));
}

function escape(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

/** Every label a student needs to read the visual. */
function labelsOf(visual: Visual): string[] {
  switch (visual.kind) {
    case "line":
      return visual.series.map((s) => s.name);
    case "bar":
      return [
        ...visual.series.map((s) => s.name),
        ...visual.categories.flatMap((c) => c.split(" ")),
      ];
    case "pie":
      return [
        ...visual.pies.map((p) => p.title),
        ...visual.pies.flatMap((p) => p.slices.map((s) => s.label)),
      ];
    case "table":
      return [...visual.columns, ...visual.rows.map((r) => String(r[0]))];
    case "process":
      return visual.steps.map((s) => s.label);
    case "mixed":
      return visual.parts.flatMap(labelsOf);
    case "map":
      return [
        visual.before.label,
        visual.after.label,
        ...visual.before.features.map((f) => f.label),
      ];
  }
}

describe("TaskVisual", () => {
  it("draws every kind of visual in the bank", () => {
    const kinds = new Set(visuals.map((v) => v.visual.kind));
    expect([...kinds].sort()).toEqual(["bar", "line", "map", "mixed", "pie", "process", "table"]);
  });

  for (const { id, visual } of drawn) {
    describe(id, () => {
      const html = render(visual);

      it("is accessible: an SVG image with a title and description, or a captioned table", () => {
        if (visual.kind === "mixed") {
          expect(html).toMatch(new RegExp(`^<section aria-label="${escape(visual.title)}">`));
          for (const part of visual.parts) expect(html).toContain(escape(part.title));
          return;
        }
        if (visual.kind === "table") {
          expect(html).toContain("<table");
          expect(html).toContain(`<caption class="chart-title">${escape(visual.title)}</caption>`);
          expect(html).toContain('scope="col"');
          expect(html).toContain('scope="row"');
          return;
        }
        expect(html).toMatch(/<svg[^>]*role="img"/);
        const labelled = /aria-labelledby="([^"]+)"/.exec(html)?.[1];
        const described = /aria-describedby="([^"]+)"/.exec(html)?.[1];
        expect(html).toContain(`<title id="${labelled}">${escape(visual.title)}</title>`);
        expect(html).toMatch(new RegExp(`<desc id="${described}">[^<]{20,}</desc>`));
        expect(html).toMatch(/viewBox="0 0 360 \d+"/);
        expect(html).toContain('width="100%"');
      });

      it("shows every series, slice or feature label", () => {
        for (const label of labelsOf(visual)) {
          if (label) expect(html, label).toContain(escape(label));
        }
      });

      it("has no inline styles, NaN or undefined values", () => {
        expect(html).not.toMatch(/\sstyle=/);
        expect(html).not.toContain("NaN");
        expect(html).not.toContain("undefined");
        expect(html).not.toContain("Infinity");
      });

      it("references only patterns and markers it defines", () => {
        const ids = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
        for (const [, ref] of html.matchAll(/url\(#([^)]+)\)/g)) expect(ids, ref).toContain(ref);
      });
    });
  }

  it("gives each chart on the same page its own ids", () => {
    const both = visuals.filter((v) => v.visual.kind === "line").map((v) => v.visual);
    const html = renderToStaticMarkup(
      createElement(
        Fragment,
        null,
        both.map((visual, i) => createElement(TaskVisual, { key: i, visual })),
      ),
    );
    const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.length).toBeGreaterThan(0);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("thins the x labels of a long series so they do not overlap on a phone", () => {
    const monthly = visuals.find(
      (v) => v.visual.kind === "line" && v.visual.xLabels.length === 12,
    )!.visual;
    const html = render(monthly);
    expect(html).toContain(">Jan<");
    expect(html).not.toContain(">Feb<");
  });

  it("marks a cyclic process with a return arrow", () => {
    const process = visuals.find((v) => v.visual.kind === "process")!.visual;
    expect(process.kind === "process" && process.cyclic).toBe(true);
    expect(render(process)).toContain('stroke-dasharray="6 4"');
  });
});

describe("wrapText", () => {
  it("breaks at word boundaries within the width and keeps every word", () => {
    const text = "Cullet is mixed with sand, soda ash and limestone";
    const lines = wrapText(text, 120, 13);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(" ")).toBe(text);
    expect(wrapText("Supercalifragilistic", 20, 13)).toEqual(["Supercalifragilistic"]);
    expect(wrapText("", 100, 13)).toEqual([]);
  });
});

describe("BarChart layout", () => {
  it("switches to horizontal bars when a category name cannot fit under its bar", () => {
    const bars = visuals.filter((v) => v.visual.kind === "bar").map((v) => v.visual);
    const layouts = bars.map((visual) => {
      const html = render(visual);
      // Vertical bars centre their category names; horizontal ones start them at the left.
      return html.includes('text-anchor="middle" font-size="14"><tspan')
        ? "vertical"
        : "horizontal";
    });
    expect(new Set(layouts)).toEqual(new Set(["vertical", "horizontal"]));
    const long = bars.find((v) => v.kind === "bar" && v.categories.includes("Games console"))!;
    expect(render(long)).toContain(">Games console</tspan>");
  });
});
