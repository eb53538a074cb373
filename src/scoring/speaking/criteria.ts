/**
 * Feature -> band scales for the speaking criteria. There is no speaking calibration set, so
 * these are hand-set from the public band descriptors (what separates "some hesitation" from
 * "frequent hesitation", and so on) and from typical second-language speech figures: e.g.
 * about 90 words a minute at band 5 and 130 or more at band 7. Each scale is a list of
 * (feature value, band) anchors with straight lines between them, flat beyond the ends.
 * The bands they give are estimates; the features behind them are shown to the student.
 */

type Anchors = readonly (readonly [number, number])[];

export function interpolate(x: number, anchors: Anchors): number {
  const first = anchors[0]!;
  const last = anchors[anchors.length - 1]!;
  if (x <= first[0]) return first[1];
  if (x >= last[0]) return last[1];
  for (let i = 1; i < anchors.length; i++) {
    const [x1, y1] = anchors[i]!;
    const [x0, y0] = anchors[i - 1]!;
    if (x <= x1) return y0 + ((y1 - y0) * (x - x0)) / (x1 - x0);
  }
  return last[1];
}

export const SCALES = {
  speechRate: [
    [50, 3.5],
    [70, 4.5],
    [90, 5.5],
    [110, 6.5],
    [130, 7.5],
    [150, 8.5],
  ],
  pausesPer100Words: [
    [2, 8.5],
    [5, 7.5],
    [9, 6.5],
    [14, 5.5],
    [20, 4.5],
    [28, 3.5],
  ],
  fillersPer100Words: [
    [0, 8.5],
    [2, 7.5],
    [5, 6.5],
    [9, 5.5],
    [14, 4.5],
    [20, 3.5],
  ],
  repetitionsPer100Words: [
    [0, 8.5],
    [1.5, 7.5],
    [3, 6.5],
    [5, 5.5],
    [8, 4.5],
    [12, 3.5],
  ],
  /** Share of the expected range of linking functions actually used. */
  linkingCoverage: [
    [0, 4.5],
    [0.5, 6],
    [1, 7.5],
  ],
  /** Words spoken against the length a full answer to this part usually has. */
  lengthRatio: [
    [0.25, 3.5],
    [0.5, 5],
    [0.75, 6],
    [1, 7],
    [1.4, 8],
  ],
  mtld: [
    [25, 4],
    [40, 5.5],
    [55, 6.5],
    [75, 7.5],
    [100, 8.5],
  ],
  lessFrequentShare: [
    [0, 4.5],
    [0.04, 5.5],
    [0.08, 6.5],
    [0.13, 7.5],
    [0.2, 8.5],
  ],
  /**
   * Tops out at 7.5: the grammar checker finds only some errors in speech, so finding none is
   * weak evidence. Range (clauses) has to carry a speaker above that.
   */
  grammarErrorsPer100Words: [
    [0, 7.5],
    [1, 7],
    [2, 6.5],
    [4, 5.5],
    [6, 4.5],
    [10, 3.5],
  ],
  clausesPer100Words: [
    [0, 4.5],
    [1.5, 5.5],
    [3, 6.5],
    [5, 7.5],
    [7, 8.5],
  ],
  /** Mean speech recogniser confidence: how easily a machine understood the words. */
  recogniserConfidence: [
    [0.5, 4],
    [0.65, 5],
    [0.75, 6],
    [0.85, 7],
    [0.92, 8],
    [0.97, 8.5],
  ],
} satisfies Record<string, Anchors>;

/** Words a complete answer usually runs to, by part (Part 2 is a two-minute long turn). */
export const TARGET_WORDS: Record<1 | 2 | 3 | "unknown", number> = {
  1: 35,
  2: 180,
  3: 70,
  unknown: 60,
};

/** How many linking functions a answer of this length can be expected to show. */
export function expectedLinkingCategories(words: number): number {
  return Math.min(5, Math.max(1, 1 + words / 50));
}

export function weightedMean(parts: readonly { band: number; weight: number }[]): number {
  const total = parts.reduce((sum, p) => sum + p.weight, 0);
  return parts.reduce((sum, p) => sum + p.band * p.weight, 0) / total;
}
