import { describe, expect, it } from "vitest";
import { applyCalibration, calibrate, fitMonotone, type MarkedPair } from "./calibration";
import { seededRandom } from "../../test/support/seeded-random";

const ABOUT = { provider: "gemini", modelId: "gemini-2.5-flash", fittedAt: "2026-12-03T00:00:00Z" };

/** A rater a band kinder than examiners, with half-band noise, on four criteria. */
function kindRater(n: number, seed: number): MarkedPair[] {
  const random = seededRandom(seed);
  return Array.from({ length: n }, () => {
    const truth = 4 + Math.round(random() * 8) / 2;
    const band = () =>
      Math.min(9, truth + 1 + (random() < 0.3 ? 0.5 : 0) - (random() < 0.3 ? 0.5 : 0));
    return { truth, criteria: { TR: band(), CC: band(), LR: band(), GRA: band() } };
  });
}

describe("calibrating a cloud model's bands", () => {
  it("learns that a kind rater's bands are a band too high", () => {
    const knots = fitMonotone(kindRater(400, 1));
    expect(applyCalibration(knots, { TR: 7, CC: 6 })).toEqual({ TR: 6, CC: 5 });
  });

  it("never maps a higher band to a lower one, whatever the data", () => {
    const random = seededRandom(7);
    const noisy = Array.from({ length: 200 }, () => ({
      truth: Math.round(random() * 18) / 2,
      criteria: { TR: Math.round(random() * 18) / 2 },
    }));
    const knots = fitMonotone(noisy);
    for (let i = 1; i < knots.length; i++) {
      expect(knots[i]![0]).toBeGreaterThan(knots[i - 1]![0]);
      expect(knots[i]![1]).toBeGreaterThanOrEqual(knots[i - 1]![1]);
    }
  });

  it("reports cross-validated figures better than the raw ones for a biased rater", () => {
    const calibration = calibrate(kindRater(300, 3), ABOUT);
    expect(calibration.raw.meanAbsoluteError).toBeGreaterThan(0.8);
    expect(calibration.crossValidated.meanAbsoluteError).toBeLessThan(0.4);
    expect(calibration.crossValidated.withinHalfBand).toBeGreaterThan(0.8);
    expect(calibration.crossValidated.essays).toBe(300);
    expect(calibration).toMatchObject(ABOUT);
  });

  it("refuses to fit on too few answers to cross-validate", () => {
    expect(() => calibrate(kindRater(9, 4), ABOUT)).toThrow(/at least 10/);
  });
});
