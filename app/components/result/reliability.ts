import type { ScoringResult } from "../../../src/domain/result";
import { PROVIDER_TEXT } from "./labels";

const percent = (share: number) => `${Math.round(share * 100)}%`;

/**
 * What the student is told about how far to trust the band, in plain words: measured figures
 * where there are some (the offline writing scorer), and where there are none, that they are none.
 */
export function reliabilityText(result: ScoringResult, speaking: boolean): string[] {
  const r = result.reliability;
  if (r) {
    const source =
      result.provider === "local"
        ? "our offline scorer. On"
        : `${PROVIDER_TEXT[result.provider] ?? result.provider}, mapped to examiners' scale. On`;
    return [
      `This band comes from ${source} ${r.testedOn} examiner-marked answers it had ` +
        `not seen, it was within one band of the examiner for ${percent(r.withinOneBand)} of them ` +
        `and within half a band for ${percent(r.withinHalfBand)}.`,
      `Read ${result.overall.toFixed(1)} as most likely between ${r.likely.low.toFixed(1)} and ` +
        `${r.likely.high.toFixed(1)}; the errors and advice below are more certain than the number.`,
      ...(r.caveat ? [r.caveat] : []),
    ];
  }
  if (result.provider === "local") {
    return [
      speaking
        ? "This band comes from our offline scorer, whose speaking scales are set by hand from the public band descriptors. No examiner-marked answers were available to check them, so read it as a rough guide."
        : "This band comes from our offline scorer; read it as a rough guide.",
    ];
  }
  return [
    `This band comes from ${PROVIDER_TEXT[result.provider] ?? result.provider}. Its agreement with examiners has not been measured here; it was checked against the offline scorer's evidence and would have been rejected if it were more than two bands away.`,
  ];
}
