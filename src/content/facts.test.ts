import { describe, expect, it } from "vitest";
import { getQuestion, questionBank } from "./bank";
import { chartFacts } from "./facts";
import { chartFactsSchema } from "../scoring/writing/types";
import type { AcademicTask1Question } from "./schema";

const academic = questionBank().filter(
  (q): q is AcademicTask1Question => q.skill === "writing" && q.task === 1 && "visual" in q,
);

describe("chartFacts", () => {
  it("gives a line graph's series, every value, the totals and the changes within each line", () => {
    const q = getQuestion("w1-line-electricity-sources") as AcademicTask1Question;
    const facts = chartFacts(q.visual)!;
    expect(facts.names).toEqual(["Coal", "Natural gas", "Wind", "Solar"]);
    // Coal 62 + gas 20 + wind 2 + solar 0 in 2000; 103 in 2020.
    expect(facts.values).toEqual(expect.arrayContaining([62, 18, 36, 84, 103]));
    // Coal fell by 44 (62 to 18); the total rose by 19 (84 to 103); wind grew 1,700% (2 to 36).
    expect(facts.changes).toEqual(expect.arrayContaining([44, 19, 1700]));
    // Solar starts at 0: no percentage of nothing.
    expect(facts.changes.every(Number.isFinite)).toBe(true);
  });

  it("gives the direction of each line over time, and none for a seasonal peak", () => {
    const energy = chartFacts(
      (getQuestion("w1-line-electricity-sources") as AcademicTask1Question).visual,
    )!;
    expect(energy.trends).toEqual(
      expect.arrayContaining([
        { name: "Coal", direction: "down" },
        { name: "Wind", direction: "up" },
      ]),
    );
    const seasonal = academic.find(
      (q) => q.visual.kind === "line" && q.visual.xLabels[0] === "Jan",
    )!;
    const months = chartFacts(seasonal.visual)!;
    expect(months.trends?.map((t) => t.name)).not.toContain("Beach and pier");
  });

  it("gives each category's direction when bars compare two years", () => {
    const byYear = academic.find(
      (q) => q.visual.kind === "bar" && q.visual.series.every((s) => /^\d{4}$/.test(s.name)),
    )!;
    const facts = chartFacts(byYear.visual)!;
    expect(facts.trends).toEqual(
      expect.arrayContaining([
        { name: "Desktop", direction: "down" },
        { name: "Smartphone", direction: "up" },
      ]),
    );
  });

  it("has facts for every chart and table in the bank, and none for processes and maps", () => {
    expect(academic.length).toBeGreaterThan(0);
    for (const q of academic) {
      const facts = chartFacts(q.visual);
      if (q.visual.kind === "process" || q.visual.kind === "map") {
        expect(facts, q.id).toBeUndefined();
        continue;
      }
      expect(chartFactsSchema.safeParse(facts).success, q.id).toBe(true);
      expect(facts!.values.length, q.id).toBeGreaterThan(0);
    }
  });

  it("names a table's rows and a pie's slices", () => {
    for (const q of academic) {
      const facts = chartFacts(q.visual);
      if (q.visual.kind === "table") {
        expect(facts!.names).toEqual(q.visual.rows.map((r) => r[0]));
      }
      if (q.visual.kind === "pie") {
        expect(facts!.names).toEqual(
          expect.arrayContaining(q.visual.pies[0]!.slices.map((s) => s.label)),
        );
      }
    }
  });

  it("counts figures written out in full for a chart in thousands, and numbers in labels", () => {
    const visitors = chartFacts(
      (getQuestion("w1-line-coastal-visitors") as AcademicTask1Question).visual,
    )!;
    // 51 thousand visitors in August is "51,000"; a fall of 25 thousand is "25,000".
    expect(visitors.values).toEqual(expect.arrayContaining([51, 51_000]));
    expect(visitors.changes).toEqual(expect.arrayContaining([25, 25_000]));
    const ages = chartFacts(
      (getQuestion("w1-bar-leisure-spending-age") as AcademicTask1Question).visual,
    )!;
    // "those aged 65 and over" quotes the 65+ category, not a value.
    expect(ages.values).toEqual(expect.arrayContaining([16, 24, 65]));
    const energy = chartFacts(
      (getQuestion("w1-line-electricity-sources") as AcademicTask1Question).visual,
    )!;
    expect(energy.values).not.toContain(62_000);
  });

  it("gives a table its column totals and, with a column per year, each row's direction", () => {
    const q = getQuestion("w1-table-international-students") as AcademicTask1Question;
    const facts = chartFacts(q.visual)!;
    expect(facts.values).toEqual(expect.arrayContaining([11_600, 17_800]));
    expect(facts.changes).toEqual(expect.arrayContaining([6_200]));
    expect(facts.trends).toEqual([
      { name: "Northgate University", direction: "up" },
      { name: "Riverside Institute", direction: "down" },
      { name: "Eastbrook College", direction: "up" },
    ]);
    const commuting = getQuestion("w1-table-commuting-cities") as AcademicTask1Question;
    expect(chartFacts(commuting.visual)!.trends).toEqual([]);
  });

  it("gives a mixed task the facts of both its charts", () => {
    const q = getQuestion("w1-mixed-cinema-westhaven") as AcademicTask1Question;
    if (q.visual.kind !== "mixed") throw new Error("not mixed");
    const facts = chartFacts(q.visual)!;
    const [line, pie] = q.visual.parts.map((p) => chartFacts(p)!);
    expect(facts.values).toEqual([...line!.values, ...pie!.values]);
    expect(facts.names).toEqual(pie!.names);
    expect(facts.trends).toEqual([{ name: "Tickets sold", direction: "down" }]);
    // 4.2 million tickets may be written "4,200,000".
    expect(facts.values).toContain(4_200_000);
  });
});
