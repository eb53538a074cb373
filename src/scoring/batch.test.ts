import { describe, expect, it } from "vitest";
import { agreementByTask, bandColumn, essayRowToInput } from "./batch";

describe("essayRowToInput", () => {
  it("turns a row into scorer input, ignoring extra columns", () => {
    const row = { id: " s1 ", task: "2", prompt: "P", essay: "Some text.", teacher: "x" };
    expect(essayRowToInput(row, 1, "general")).toEqual({
      ok: true,
      id: "s1",
      value: { task: 2, module: "general", prompt: "P", response: "Some text." },
    });
  });

  it.each([
    [{ id: "a", task: "3", prompt: "", essay: "x" }, "task must be 1 or 2"],
    [{ id: "a", task: "", prompt: "", essay: "x" }, "task must be 1 or 2"],
    [{ id: "a", task: "1", prompt: "", essay: "   " }, "the essay is empty"],
    [{ id: "a", task: "1", prompt: "" }, "the essay column is missing"],
  ])("reports a bad row: %j", (row, error) => {
    expect(essayRowToInput(row, 4, "academic")).toEqual({ ok: false, id: "a", error });
  });

  it("names a row without an id by its position", () => {
    const result = essayRowToInput({ id: "", task: "1", prompt: "", essay: "x" }, 7, "academic");
    expect(result).toMatchObject({ ok: false, id: "row 7", error: "the id is empty" });
  });
});

describe("bandColumn", () => {
  it("reads a half band and explains anything else", () => {
    expect(bandColumn({ band: " 6.5 " })).toBe(6.5);
    expect(bandColumn({ band: "6.3" })).toBe("band must be 0-9 in half steps");
    expect(bandColumn({ band: "high" })).toBe("band must be a number");
    expect(bandColumn({})).toBe("the band column is missing");
  });
});

describe("agreementByTask", () => {
  it("reports each task and all rows, leaving out empty groups", () => {
    const report = agreementByTask([
      { task: 2, truth: 6, predicted: 6.5 },
      { task: 2, truth: 7, predicted: 7 },
      { task: 2, truth: 5, predicted: 6 },
    ]);
    expect(report.task1).toBeUndefined();
    expect(report.task2?.n).toBe(3);
    expect(report.all?.meanAbsoluteError).toBeCloseTo(0.5);
    expect(report.all?.withinHalfBand).toBeCloseTo(2 / 3);
    expect(report.all?.withinOneBand).toBe(1);
    expect(report.all?.meanTruth).toBe(6);
    expect(report.all?.sdPredicted).toBeCloseTo(
      Math.sqrt(((0 - 0.0) ** 2 + 0.5 ** 2 + 0.5 ** 2) / 3),
    );
    expect(report.all?.confusion).toEqual({
      bands: [5, 6, 6.5, 7],
      counts: [
        [0, 1, 0, 0],
        [0, 0, 1, 0],
        [0, 0, 0, 0],
        [0, 0, 0, 1],
      ],
    });
  });
});
