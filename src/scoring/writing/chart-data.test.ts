import { describe, expect, it } from "vitest";
import { checkChartData } from "./chart-data";

// Households with internet access (%), 2000-2020, as in the Task 1 fixtures.
const SERIES = [
  [45, 62, 80, 88, 91],
  [10, 24, 40, 55, 70],
  [2, 4, 8, 25, 50],
];
const FACTS = {
  names: ["Canada", "Brazil", "India"],
  values: SERIES.flat(),
  changes: SERIES.flatMap((g) => g.flatMap((a, i) => g.slice(i + 1).map((b) => Math.abs(a - b)))),
};

describe("checkChartData", () => {
  it("counts quoted figures that match the chart, allowing rounding, and skips years", () => {
    const r = checkChartData(
      FACTS,
      "In 2000 about 45% of Canadian homes were online, against roughly 10 per cent in Brazil; by 2020 Canada reached just over 90%.",
    );
    expect(r.figuresQuoted).toBe(3);
    expect(r.figuresMatched).toBe(3);
    expect(r.unmatched).toEqual([]);
  });

  it("accepts a change within a series as data", () => {
    // Canada 91 - 45 = 46: "rose by 46 points".
    expect(checkChartData(FACTS, "Canada rose by 46 points.").figuresMatched).toBe(1);
  });

  it("lists figures that match nothing, as the student wrote them", () => {
    const r = checkChartData(FACTS, "India reached 99% and Brazil 150 in 2010.");
    expect(r.figuresMatched).toBe(0);
    expect(r.unmatched).toEqual(["99%", "150"]);
  });

  it("names the categories a report leaves out, accepting adjectives and plurals by their stem", () => {
    expect(checkChartData(FACTS, "Brazil and India grew.").missingNames).toEqual(["Canada"]);
    const gas = { names: ["Natural gas", "Solar", "Other sources"], values: [1], changes: [] };
    expect(checkChartData(gas, "Gas rose while solar panels spread.").missingNames).toEqual([]);
  });

  it("reads thousands separators and decimals as one number", () => {
    const r = checkChartData(
      { names: [], values: [12500, 3.2], changes: [] },
      "about 12,500 visitors, 3.2 each",
    );
    expect(r.figuresQuoted).toBe(2);
    expect(r.figuresMatched).toBe(2);
  });

  it("finds statements that reverse a trend, one series per sentence", () => {
    const facts = {
      ...FACTS,
      trends: [
        { name: "Canada", direction: "up" as const },
        { name: "India", direction: "up" as const },
      ],
    };
    const r = checkChartData(
      facts,
      "Internet access in Canada fell sharply. India rose quickly. While Canada grew, India declined.",
    );
    expect(r.contradicted).toEqual(["Internet access in Canada fell sharply."]);
    expect(r.trendsConfirmed).toBe(1);
  });
});
