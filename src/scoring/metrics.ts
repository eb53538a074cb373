/** Agreement figures between predicted and true bands, as reported for automated scorers. */

function assertPaired(truth: readonly number[], predicted: readonly number[]): void {
  if (truth.length !== predicted.length) throw new Error("truth and predicted differ in length");
  if (truth.length === 0) throw new Error("no scores to compare");
}

export function meanAbsoluteError(truth: readonly number[], predicted: readonly number[]): number {
  assertPaired(truth, predicted);
  let sum = 0;
  truth.forEach((t, i) => (sum += Math.abs(t - (predicted[i] as number))));
  return sum / truth.length;
}

/** Share (0-1) of predictions no more than `distance` bands from the truth. */
function within(truth: readonly number[], predicted: readonly number[], distance: number): number {
  assertPaired(truth, predicted);
  const hits = truth.filter((t, i) => Math.abs(t - (predicted[i] as number)) <= distance + 1e-9);
  return hits.length / truth.length;
}

/** Share (0-1) of predictions no more than half a band from the truth. */
export function withinHalfBand(truth: readonly number[], predicted: readonly number[]): number {
  return within(truth, predicted, 0.5);
}

/** Share (0-1) of predictions no more than one band from the truth. */
export function withinOneBand(truth: readonly number[], predicted: readonly number[]): number {
  return within(truth, predicted, 1);
}

/** Bands 0-9 in half steps become integer classes 0-18. */
const toClass = (band: number): number => Math.min(18, Math.max(0, Math.round(band * 2)));

/**
 * Quadratic weighted kappa with bands x 2 as integer classes. Only the classes that occur in
 * either list span the weight matrix, the usual convention; 1 means perfect agreement and 0
 * chance agreement.
 */
export function quadraticWeightedKappa(
  truth: readonly number[],
  predicted: readonly number[],
): number {
  assertPaired(truth, predicted);
  const t = truth.map(toClass);
  const p = predicted.map(toClass);
  const min = Math.min(...t, ...p);
  const max = Math.max(...t, ...p);
  const k = max - min + 1;
  if (k === 1) return 1;
  const observed = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  const histT = new Array<number>(k).fill(0);
  const histP = new Array<number>(k).fill(0);
  t.forEach((ti, i) => {
    const pi = p[i] as number;
    (observed[ti - min] as number[])[pi - min]! += 1;
    histT[ti - min]! += 1;
    histP[pi - min]! += 1;
  });
  const n = t.length;
  let num = 0;
  let den = 0;
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const w = ((i - j) * (i - j)) / ((k - 1) * (k - 1));
      num += w * (observed[i] as number[])[j]!;
      den += (w * histT[i]! * histP[j]!) / n;
    }
  }
  return den === 0 ? 1 : 1 - num / den;
}

export interface ConfusionTable {
  /** Bands that occur in either list, ascending. */
  bands: number[];
  /** counts[i][j]: essays with true band bands[i] predicted as bands[j]. */
  counts: number[][];
}

export function confusionTable(
  truth: readonly number[],
  predicted: readonly number[],
): ConfusionTable {
  assertPaired(truth, predicted);
  const bands = [...new Set([...truth, ...predicted].map((b) => toClass(b) / 2))].sort(
    (a, b) => a - b,
  );
  const index = new Map(bands.map((b, i) => [b, i]));
  const counts = bands.map(() => new Array<number>(bands.length).fill(0));
  truth.forEach((t, i) => {
    const row = index.get(toClass(t) / 2) as number;
    const col = index.get(toClass(predicted[i] as number) / 2) as number;
    (counts[row] as number[])[col]! += 1;
  });
  return { bands, counts };
}
