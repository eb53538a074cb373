import { describe, expect, it } from "vitest";
import { readingTests } from "../content/papers";
import { drillSets, drillTypes } from "./drills";

describe("reading drills", () => {
  it("draw on every question group of every Reading paper in the bank", () => {
    const drilled = new Set(
      drillTypes().flatMap(({ type }) => drillSets(type).map((set) => set.group)),
    );
    const groups = readingTests.flatMap((t) => t.sections.flatMap((s) => s.groups));
    expect(groups.length).toBeGreaterThan(0);
    expect(groups.filter((g) => !drilled.has(g))).toEqual([]);
  });
});
