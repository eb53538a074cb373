import { roundToHalfBand, taskBand } from "./bands";
import { meanAbsoluteError, withinHalfBand, withinOneBand } from "./metrics";

/**
 * A cloud model read as a rater: it may be harsher or kinder than examiners, and by different
 * amounts at different levels, but a higher band from it should still mean a better answer.
 * So its bands are mapped to examiners' by a monotone step function fitted on answers both
 * marked (pool-adjacent-violators isotonic regression), applied to each criterion, and judged
 * by cross-validation: the figures quoted to students are on answers the fit did not see.
 */

/** One answer marked by the model and by an examiner. */
export interface MarkedPair {
  /** The examiner's overall band. */
  truth: number;
  /** The model's bands by criterion, from which its overall is the rounded mean. */
  criteria: Record<string, number>;
}

/** The model's band -> the examiner's, at each band the fit saw; interpolated between. */
export type Knots = readonly (readonly [number, number])[];

interface Figures {
  essays: number;
  meanAbsoluteError: number;
  withinHalfBand: number;
  withinOneBand: number;
}

export interface Calibration {
  provider: string;
  modelId: string;
  fittedAt: string;
  knots: Knots;
  /** The model's own bands against the examiners', on every answer. */
  raw: Figures;
  /** After the mapping, each answer mapped by a fit that left it out (k-fold). */
  crossValidated: Figures;
}

const FOLDS = 5;

function overallOf(criteria: Record<string, number>): number {
  return taskBand(Object.values(criteria));
}

/** Isotonic regression of examiner bands on the model's criterion bands (PAV). */
export function fitMonotone(pairs: readonly MarkedPair[]): Knots {
  // Every criterion band is a point: the mapping is of the model's scale, criterion by criterion.
  const points = pairs
    .flatMap((p) => Object.values(p.criteria).map((x) => ({ x, y: p.truth })))
    .sort((a, b) => a.x - b.x);
  const blocks: { x: number[]; sum: number; n: number }[] = [];
  for (const { x, y } of points) {
    const last = blocks.at(-1);
    if (last && last.x.at(-1) === x) {
      last.sum += y;
      last.n += 1;
    } else blocks.push({ x: [x], sum: y, n: 1 });
    // Merge backwards while the means fall: the fit may never go down as the model's band rises.
    while (blocks.length > 1) {
      const b = blocks.at(-1)!;
      const a = blocks.at(-2)!;
      if (a.sum / a.n <= b.sum / b.n) break;
      blocks.splice(-2, 2, { x: [...a.x, ...b.x], sum: a.sum + b.sum, n: a.n + b.n });
    }
  }
  return blocks.flatMap((b) => [...new Set(b.x)].map((x) => [x, b.sum / b.n] as const));
}

/** A model band through the mapping, as a real number (clamped to the fitted range). */
function mapped(knots: Knots, x: number): number {
  if (knots.length === 0) return x;
  const first = knots[0]!;
  const last = knots.at(-1)!;
  if (x <= first[0]) return first[1];
  if (x >= last[0]) return last[1];
  const i = knots.findIndex(([kx]) => kx >= x);
  const [x1, y1] = knots[i]!;
  const [x0, y0] = knots[i - 1]!;
  return y0 + ((x - x0) / (x1 - x0)) * (y1 - y0);
}

/** The model's criteria mapped to the examiners' scale, each a half band. */
export function applyCalibration(
  knots: Knots,
  criteria: Record<string, number>,
): Record<string, number> {
  return Object.fromEntries(
    Object.entries(criteria).map(([key, band]) => [key, roundToHalfBand(mapped(knots, band))]),
  );
}

function figures(truth: number[], predicted: number[]): Figures {
  return {
    essays: truth.length,
    meanAbsoluteError: meanAbsoluteError(truth, predicted),
    withinHalfBand: withinHalfBand(truth, predicted),
    withinOneBand: withinOneBand(truth, predicted),
  };
}

/** Fits on all pairs, and measures the same fitting on folds it did not see. */
export function calibrate(
  pairs: readonly MarkedPair[],
  about: { provider: string; modelId: string; fittedAt: string },
): Calibration {
  if (pairs.length < FOLDS * 2) {
    throw new RangeError(
      `Calibration needs at least ${FOLDS * 2} marked answers; got ${pairs.length}.`,
    );
  }
  const truth = pairs.map((p) => p.truth);
  const foldKnots = Array.from({ length: FOLDS }, (_, fold) =>
    fitMonotone(pairs.filter((_, j) => j % FOLDS !== fold)),
  );
  const held = pairs.map((pair, i) =>
    overallOf(applyCalibration(foldKnots[i % FOLDS]!, pair.criteria)),
  );
  return {
    ...about,
    knots: fitMonotone(pairs),
    raw: figures(
      truth,
      pairs.map((p) => overallOf(p.criteria)),
    ),
    crossValidated: figures(truth, held),
  };
}
