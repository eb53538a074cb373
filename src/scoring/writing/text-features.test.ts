import { describe, expect, it } from "vitest";
import { GOOD_ESSAY, WEAK_ESSAY } from "./fixtures/essays";
import { textScore } from "./model";
import coefficients from "./model/coefficients.json";
import { fnv1a, sparseDot, textFeatures } from "./text-features";

describe("text features", () => {
  it("hashes with 32-bit FNV-1a, so committed weights keep pointing at the same buckets", () => {
    expect(fnv1a("")).toBe(0x811c9dc5);
    expect(fnv1a("a")).toBe(0xe40c292c);
    expect(fnv1a("foobar")).toBe(0xbf9cf968);
  });

  it("gives the same unit-length vector for the same text, within the bucket range", () => {
    const a = textFeatures(GOOD_ESSAY, 12);
    const b = textFeatures(GOOD_ESSAY, 12);
    expect(a).toEqual(b);
    expect(Math.max(...a.indices)).toBeLessThan(1 << 12);
    expect(Math.min(...a.indices)).toBeGreaterThanOrEqual(0);
    expect([...a.indices]).toEqual([...a.indices].sort((x, y) => x - y));
    expect(Math.sqrt(sparseDot(a, densify(a, 12)))).toBeCloseTo(1, 10);
  });

  it("ignores case and spacing", () => {
    expect(textFeatures("Cities  should\nBAN cars.", 12)).toEqual(
      textFeatures("cities should ban cars.", 12),
    );
  });

  it("gives an empty vector for empty text", () => {
    expect(textFeatures("", 12).indices.length).toBe(0);
  });
});

describe("text model", () => {
  it("stores one weight per bucket for each task", () => {
    for (const task of Object.values(coefficients.tasks)) {
      expect(atob(task.text.weights).length).toBe(2 * (1 << task.text.bits));
    }
  });

  it("scores a stronger essay higher than a weak one", () => {
    for (const task of [1, 2] as const) {
      expect(textScore(task, GOOD_ESSAY)).toBeGreaterThan(textScore(task, WEAK_ESSAY));
    }
  });
});

function densify(v: ReturnType<typeof textFeatures>, bits: number): Float64Array {
  const dense = new Float64Array(1 << bits);
  v.indices.forEach((k, i) => (dense[k] = v.values[i] ?? 0));
  return dense;
}
