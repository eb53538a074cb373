import { describe, expect, it } from "vitest";
import regression from "./data/correct-sentences.json";
import { analyseLanguage } from "./index";

// A finding on correct English costs a student's trust more than a missed error, so every false
// error reported once stays here as a case that must give nothing.
describe("correct English gives no finding", () => {
  it.each(regression.cases)("$text", async (c: { text: string; context?: string }) => {
    const analysis = await analyseLanguage(c.text, {
      mode: "writing",
      context: c.context ? [c.context] : [],
    });
    const found = analysis.issues.map((i) => `${c.text.slice(i.start, i.end)}: ${i.message}`);
    expect(found).toEqual([]);
  });
});
