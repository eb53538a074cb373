import { describe, expect, it } from "vitest";
import { averageRanks, spearman } from "./rank-correlation";

describe("rank correlation", () => {
  it("gives tied values the mean of the ranks they span", () => {
    expect(averageRanks([10, 20, 20, 30])).toEqual([1, 2.5, 2.5, 4]);
    expect(averageRanks([5, 5, 5])).toEqual([2, 2, 2]);
    expect(averageRanks([3, 1, 2])).toEqual([3, 1, 2]);
  });

  it("is 1 for the same order and -1 for the reverse, whatever the spacing", () => {
    expect(spearman([1, 2, 3, 4], [10, 20, 300, 4000])).toBeCloseTo(1);
    expect(spearman([1, 2, 3, 4], [9, 7, 5, 1])).toBeCloseTo(-1);
  });

  it("matches a hand-computed value without ties", () => {
    // Ranks [1,2,3,4,5] and [2,1,4,3,5]: sum d^2 = 4, so 1 - 6 * 4 / (5 * 24) = 0.8.
    expect(spearman([1, 2, 3, 4, 5], [2, 1, 4, 3, 5])).toBeCloseTo(0.8);
  });

  it("matches a hand-computed value with ties", () => {
    // Ranks x [1,2.5,2.5,4], y [1,2,3,4]; both mean 2.5. Deviations x [-1.5,0,0,1.5],
    // y [-1.5,-0.5,0.5,1.5]: sxy = 4.5, sxx = 4.5, syy = 5, so 4.5 / sqrt(22.5).
    expect(spearman([4, 5, 5, 6], [1, 2, 3, 4])).toBeCloseTo(4.5 / Math.sqrt(22.5), 10);
  });

  it("is undefined (NaN) when one list is constant", () => {
    expect(spearman([1, 1, 1], [1, 2, 3])).toBeNaN();
  });

  it("rejects lists of different lengths or fewer than two pairs", () => {
    expect(() => spearman([1, 2], [1])).toThrow();
    expect(() => spearman([1], [1])).toThrow();
  });
});
