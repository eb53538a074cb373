import type { ScoringResult } from "../../../src/domain/result";
import { describe, expect, it } from "vitest";
import { reliabilityText } from "./reliability";
import { scoringResult } from "../../../test/support/results";

const base: ScoringResult = scoringResult({ TR: 6, CC: 6.5, LR: 6, GRA: 6 }, 6, {
  modelId: "offline-v1",
});

describe("reliabilityText", () => {
  it("names the cloud model and says its band was mapped, with the measured figures", () => {
    const text = reliabilityText(
      {
        ...base,
        provider: "gemini",
        modelId: "gemini-2.5-flash",
        reliability: {
          testedOn: 120,
          withinHalfBand: 0.6,
          withinOneBand: 0.9,
          likely: { low: 5, high: 7 },
          caveat:
            "The model itself gave 7.0; its bands are mapped to examiners' scale, as fitted on 120 marked essays.",
        },
      },
      false,
    );
    expect(text[0]).toBe(
      "This band comes from Google Gemini, mapped to examiners' scale. On 120 examiner-marked answers it had not seen, it was within one band of the examiner for 90% of them and within half a band for 60%.",
    );
    expect(text[2]).toContain("The model itself gave 7.0");
  });

  it("gives the measured agreement and the likely range for an offline writing band", () => {
    const text = reliabilityText(
      {
        ...base,
        reliability: {
          testedOn: 415,
          withinHalfBand: 0.583,
          withinOneBand: 0.822,
          likely: { low: 5, high: 7 },
        },
      },
      false,
    ).join(" ");
    expect(text).toContain("415 examiner-marked answers");
    expect(text).toContain("within one band of the examiner for 82%");
    expect(text).toContain("within half a band for 58%");
    expect(text).toContain("Read 6.0 as most likely between 5.0 and 7.0");
  });

  it("passes on the caveat for answers the figures do not cover", () => {
    const caveat = "No examiner-marked letters were available.";
    const text = reliabilityText(
      {
        ...base,
        reliability: {
          testedOn: 338,
          withinHalfBand: 0.5,
          withinOneBand: 0.8,
          likely: { low: 5, high: 7 },
          caveat,
        },
      },
      false,
    );
    expect(text).toContain(caveat);
  });

  it("says offline speaking bands are unchecked rather than inventing figures", () => {
    const text = reliabilityText(base, true).join(" ");
    expect(text).toContain("No examiner-marked answers were available");
    expect(text).not.toMatch(/\d+%/);
  });

  it("says a cloud band's agreement is not measured and how it was checked", () => {
    const text = reliabilityText(
      { ...base, provider: "gemini", modelId: "gemini-2.5-flash" },
      false,
    ).join(" ");
    expect(text).toContain("Google Gemini");
    expect(text).toContain("has not been measured");
    expect(text).toContain("more than two bands away");
  });
});
