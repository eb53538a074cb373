import { describe, expect, it } from "vitest";
import { linear, niceTicks } from "./scale";

describe("niceTicks", () => {
  it("covers the range with round steps", () => {
    expect(niceTicks(0, 62, 5)).toEqual([0, 20, 40, 60, 80]);
    expect(niceTicks(0, 51, 5)).toEqual([0, 10, 20, 30, 40, 50, 60]);
    expect(niceTicks(0, 100, 5)).toEqual([0, 25, 50, 75, 100]);
    expect(niceTicks(0, 7400, 5)).toEqual([0, 2000, 4000, 6000, 8000]);
    expect(niceTicks(0, 94, 6)).toEqual([0, 20, 40, 60, 80, 100]);
  });

  it("handles negative ranges, decimals and reversed bounds", () => {
    expect(niceTicks(-3, 7, 5)).toEqual([-5, -2.5, 0, 2.5, 5, 7.5]);
    expect(niceTicks(0, 0.3, 4)).toEqual([0, 0.1, 0.2, 0.3]);
    expect(niceTicks(0.12, 0.87, 5)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(100, 0, 5)).toEqual(niceTicks(0, 100, 5));
  });

  it("widens a flat range instead of dividing by zero", () => {
    expect(niceTicks(0, 0, 5)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    const flat = niceTicks(40, 40, 5);
    expect(flat[0]).toBeLessThan(40);
    expect(flat.at(-1)).toBeGreaterThan(40);
  });

  it("always brackets the data, for many ranges and counts", () => {
    for (const [min, max] of [
      [0, 1],
      [3, 97],
      [-120, 15],
      [0.001, 0.009],
      [1e6, 3.7e6],
    ] as const) {
      for (const count of [2, 3, 5, 8]) {
        const ticks = niceTicks(min, max, count);
        expect(ticks[0]).toBeLessThanOrEqual(min);
        expect(ticks.at(-1)).toBeGreaterThanOrEqual(max);
        expect(ticks.length).toBeLessThanOrEqual(count * 2 + 2);
        const step = ticks[1]! - ticks[0]!;
        const mantissa = step / 10 ** Math.floor(Math.log10(step));
        expect([1, 2, 2.5, 5]).toContain(Number(mantissa.toPrecision(6)));
      }
    }
  });

  it("rejects non-finite bounds", () => {
    expect(() => niceTicks(0, Number.NaN)).toThrow(RangeError);
    expect(() => niceTicks(0, Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});

describe("linear", () => {
  it("maps the domain onto the range, including inverted ranges", () => {
    const y = linear(0, 100, 200, 0);
    expect(y(0)).toBe(200);
    expect(y(50)).toBe(100);
    expect(y(100)).toBe(0);
    expect(linear(5, 5, 0, 10)(5)).toBe(0);
  });
});
