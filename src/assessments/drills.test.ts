import { describe, expect, it } from "vitest";
import { readingTests } from "../content/papers";
import { drillSets, drillTypes, startingSet } from "./drills";

describe("startingSet", () => {
  const spread = drillTypes()
    .map((t) => drillSets(t.type))
    .find((sets) => new Set(sets.map((s) => s.test.id)).size >= 2)!;
  const tests = [...new Set(spread.map((s) => s.test.id))];

  it("opens on the first set of a test the student has not sat", () => {
    // The last test in bank order, so that always starting on the first set would fail.
    const left = tests.at(-1);
    const sat = tests.slice(0, -1);
    for (const r of [0, 0.5, 0.99]) {
      const n = startingSet(spread, sat, () => r);
      expect(spread[n]!.test.id).toBe(left);
      expect(spread.findIndex((s) => s.test.id === left)).toBe(n);
    }
  });

  it("after every test, starts a new round away from the one sat last", () => {
    const sat = [...tests.slice(1), tests[0]!];
    for (const r of [0, 0.5, 0.99]) {
      const n = startingSet(spread, sat, () => r);
      expect(spread[n]!.test.id).not.toBe(tests[0]);
    }
    expect(startingSet([], tests)).toBe(0);
  });
});

describe("reading drills", () => {
  it("draw on every question group of every Reading paper in the bank", () => {
    const drilled = new Set(
      drillTypes().flatMap(({ type }) => drillSets(type).map((set) => set.group)),
    );
    const groups = readingTests().flatMap((t) => t.sections.flatMap((s) => s.groups));
    expect(groups.length).toBeGreaterThan(0);
    expect(groups.filter((g) => !drilled.has(g))).toEqual([]);
  });
});
