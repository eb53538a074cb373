import { describe, expect, it } from "vitest";
import {
  MAX_RAW,
  TEST_FORMS,
  bandFromRaw,
  isHalfBand,
  overallBand,
  roundToHalfBand,
  speakingBand,
  taskBand,
  writingBand,
  type TestForm,
} from "./bands";
import { seededRandom } from "../../test/support/seeded-random";

const randomBand = (next: () => number) => Math.floor(next() * 19) / 2;

describe("roundToHalfBand", () => {
  it.each([
    [6.25, 6.5],
    [6.125, 6.0],
    [3.875, 4.0],
    [6.75, 7.0],
    [6.0, 6.0],
    [6.5, 6.5],
    [6.24, 6.0],
    [6.74, 6.5],
    [0, 0],
    [9, 9],
  ])("rounds %d to %d", (avg, band) => {
    expect(roundToHalfBand(avg)).toBe(band);
  });

  it("rounds a quarter that floating point lands just below", () => {
    expect(roundToHalfBand(6.25 - 1e-12)).toBe(6.5);
  });

  it("clamps to the band scale and rejects non-numbers", () => {
    expect(roundToHalfBand(9.6)).toBe(9);
    expect(roundToHalfBand(-1)).toBe(0);
    expect(() => roundToHalfBand(Number.NaN)).toThrow(RangeError);
  });

  it("property: always a half band within a quarter of the input", () => {
    const next = seededRandom(1);
    for (let i = 0; i < 2000; i++) {
      const avg = next() * 9;
      const band = roundToHalfBand(avg);
      expect(isHalfBand(band)).toBe(true);
      expect(Math.abs(band - avg)).toBeLessThanOrEqual(0.25 + 1e-9);
    }
  });
});

describe("bandFromRaw", () => {
  it.each<[TestForm, number, number]>([
    ["listening", 16, 5],
    ["listening", 23, 6],
    ["listening", 30, 7],
    ["listening", 35, 8],
    ["listening", 40, 9],
    ["listening", 17, 5],
    ["listening", 22, 5.5],
    ["listening", 4, 2.5],
    ["reading-academic", 15, 5],
    ["reading-academic", 23, 6],
    ["reading-academic", 30, 7],
    ["reading-academic", 35, 8],
    ["reading-academic", 32, 7],
    ["reading-academic", 33, 7.5],
    ["reading-general", 15, 4],
    ["reading-general", 23, 5],
    ["reading-general", 30, 6],
    ["reading-general", 34, 7],
    ["reading-general", 38, 8],
    ["reading-general", 39, 8.5],
    ["reading-general", 40, 9],
    ["reading-general", 6, 2.5],
  ])("%s raw %d is band %d", (form, raw, band) => {
    expect(bandFromRaw(form, raw)).toBe(band);
  });

  it("gives band 0 for raw 0 on every form", () => {
    for (const form of TEST_FORMS) expect(bandFromRaw(form, 0)).toBe(0);
  });

  it.each([-1, 41, 2.5, Number.NaN])("rejects raw %d", (raw) => {
    expect(() => bandFromRaw("listening", raw)).toThrow(/whole number from 0 to 40/);
  });

  it("rejects an unknown form", () => {
    expect(() => bandFromRaw("speaking" as TestForm, 10)).toThrow(/Unknown test form/);
  });

  it("property: monotonic in raw and always a half band, on every form", () => {
    for (const form of TEST_FORMS) {
      let previous = -1;
      for (let raw = 0; raw <= MAX_RAW; raw++) {
        const band = bandFromRaw(form, raw);
        expect(isHalfBand(band)).toBe(true);
        expect(band).toBeGreaterThanOrEqual(previous);
        previous = band;
      }
      expect(bandFromRaw(form, MAX_RAW)).toBe(9);
    }
  });
});

describe("overallBand", () => {
  it("applies the published rounding to the mean of the four skills", () => {
    expect(overallBand(6.5, 6.5, 5.5, 6.5)).toBe(6.5); // 6.25
    expect(overallBand(4, 3.5, 4, 4)).toBe(4); // 3.875
    expect(overallBand(6.5, 6.5, 6.5, 6.0)).toBe(6.5); // 6.375
    expect(overallBand(6, 6, 6, 6.5)).toBe(6); // 6.125
    expect(overallBand(7, 7, 6.5, 6.5)).toBe(7); // 6.75
  });

  it("rejects a skill that is not a half band", () => {
    expect(() => overallBand(6.3, 6, 6, 6)).toThrow(/half steps/);
    expect(() => overallBand(10, 6, 6, 6)).toThrow(RangeError);
  });

  it("property: a half band between the lowest and highest skill", () => {
    const next = seededRandom(2);
    for (let i = 0; i < 2000; i++) {
      const skills = [randomBand(next), randomBand(next), randomBand(next), randomBand(next)];
      const band = overallBand(skills[0]!, skills[1]!, skills[2]!, skills[3]!);
      expect(isHalfBand(band)).toBe(true);
      expect(band).toBeGreaterThanOrEqual(Math.min(...skills));
      expect(band).toBeLessThanOrEqual(Math.max(...skills));
    }
  });

  it("property: monotonic in each skill", () => {
    const next = seededRandom(3);
    for (let i = 0; i < 1000; i++) {
      const skills = [randomBand(next), randomBand(next), randomBand(next), randomBand(next)];
      const base = overallBand(skills[0]!, skills[1]!, skills[2]!, skills[3]!);
      const which = Math.floor(next() * 4);
      const raised = [...skills];
      raised[which] = Math.min(9, raised[which]! + 0.5);
      expect(overallBand(raised[0]!, raised[1]!, raised[2]!, raised[3]!)).toBeGreaterThanOrEqual(
        base,
      );
    }
  });
});

describe("writingBand", () => {
  it("weights Task 2 twice", () => {
    expect(writingBand(5, 7)).toBe(6.5); // 19/3 = 6.33
    expect(writingBand(7, 5)).toBe(5.5); // 17/3 = 5.67
    expect(writingBand(6, 6.5)).toBe(6.5); // 6.33
    expect(writingBand(6.5, 6)).toBe(6); // 6.17
  });

  it("rejects bands outside the scale", () => {
    expect(() => writingBand(9.5, 6)).toThrow(RangeError);
  });
});

describe("taskBand", () => {
  it("averages criteria and rounds", () => {
    expect(taskBand([6, 6, 7, 6])).toBe(6.5); // 6.25
    expect(taskBand([6, 6, 6.5, 6])).toBe(6); // 6.125
    expect(taskBand([7])).toBe(7);
  });

  it("needs at least one valid criterion", () => {
    expect(() => taskBand([])).toThrow(RangeError);
    expect(() => taskBand([6, 6.2])).toThrow(RangeError);
  });
});

describe("speakingBand", () => {
  it("averages four criteria when pronunciation is assessed", () => {
    expect(speakingBand(6, 6, 7, 6)).toEqual({ band: 6.5, pronunciationAssessed: true, note: "" });
  });

  it("averages three and says so when pronunciation is not assessed", () => {
    const result = speakingBand(6, 6, 7);
    expect(result.band).toBe(6.5); // 6.33
    expect(result.pronunciationAssessed).toBe(false);
    expect(result.note).toMatch(/Pronunciation was not assessed/);
    expect(speakingBand(6, 6, 7, null).pronunciationAssessed).toBe(false);
  });

  it("property: always a half band in 0-9", () => {
    const next = seededRandom(4);
    for (let i = 0; i < 1000; i++) {
      const p = next() < 0.5 ? undefined : randomBand(next);
      const { band } = speakingBand(randomBand(next), randomBand(next), randomBand(next), p);
      expect(isHalfBand(band)).toBe(true);
    }
  });
});

describe("isHalfBand", () => {
  it.each([
    [0, true],
    [6.5, true],
    [9, true],
    [6.25, false],
    [9.5, false],
    [-0.5, false],
    [Number.POSITIVE_INFINITY, false],
  ])("%d -> %s", (value, expected) => {
    expect(isHalfBand(value)).toBe(expected);
  });
});
