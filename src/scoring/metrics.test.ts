import { describe, expect, it } from "vitest";
import {
  confusionTable,
  meanAbsoluteError,
  quadraticWeightedKappa,
  withinHalfBand,
  withinOneBand,
} from "./metrics";

describe("metrics", () => {
  const truth = [5, 6, 6.5, 7, 8];
  const predicted = [5.5, 6, 7.5, 7, 6.5];

  it("computes the mean absolute error", () => {
    expect(meanAbsoluteError(truth, predicted)).toBeCloseTo((0.5 + 0 + 1 + 0 + 1.5) / 5);
  });

  it("counts predictions within half a band", () => {
    expect(withinHalfBand(truth, predicted)).toBeCloseTo(3 / 5);
  });

  it("counts predictions within one band, the boundary included", () => {
    expect(withinOneBand(truth, predicted)).toBeCloseTo(4 / 5);
    expect(withinOneBand([5], [6])).toBe(1);
    expect(withinOneBand([5], [6.5])).toBe(0);
  });

  it("gives kappa 1 for perfect agreement and less for disagreement", () => {
    expect(quadraticWeightedKappa(truth, truth)).toBeCloseTo(1);
    const k = quadraticWeightedKappa(truth, predicted);
    expect(k).toBeLessThan(1);
    expect(k).toBeGreaterThan(0);
  });

  it("matches a hand-computed kappa", () => {
    // Classes 0 and 1: one observed disagreement; expected from the marginals (2,2) and (1,3)
    // is (2*3 + 2*1) / 4 = 2, so kappa = 1 - 1/2.
    expect(quadraticWeightedKappa([0, 0, 0.5, 0.5], [0, 0.5, 0.5, 0.5])).toBeCloseTo(0.5);
  });

  it("gives a negative kappa for reversed ranking", () => {
    expect(quadraticWeightedKappa([4, 5, 6, 7], [7, 6, 5, 4])).toBeLessThan(0);
  });

  it("builds a confusion table over the bands that occur", () => {
    const table = confusionTable([6, 6, 7], [6, 7, 7]);
    expect(table.bands).toEqual([6, 7]);
    expect(table.counts).toEqual([
      [1, 1],
      [0, 1],
    ]);
  });

  it("rejects lists of different lengths", () => {
    expect(() => meanAbsoluteError([1], [1, 2])).toThrow();
  });
});
