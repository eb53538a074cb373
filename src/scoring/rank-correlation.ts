/**
 * Spearman rank correlation, for checking whether a scorer orders essays as the truth does even
 * where its bands are offset: the question out-of-source checks ask.
 */

/** 1-based ranks with tied values sharing the mean of the ranks they span. */
export function averageRanks(values: readonly number[]): number[] {
  const order = values.map((v, i) => ({ v, i })).sort((a, b) => a.v - b.v);
  const ranks = new Array<number>(values.length);
  for (let start = 0; start < order.length;) {
    let end = start;
    while (end + 1 < order.length && order[end + 1]!.v === order[start]!.v) end += 1;
    const rank = (start + end) / 2 + 1;
    for (let k = start; k <= end; k++) ranks[order[k]!.i] = rank;
    start = end + 1;
  }
  return ranks;
}

function pearson(x: readonly number[], y: readonly number[]): number {
  const n = x.length;
  const mx = x.reduce((s, v) => s + v, 0) / n;
  const my = y.reduce((s, v) => s + v, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  x.forEach((xi, i) => {
    const dx = xi - mx;
    const dy = y[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  });
  // A constant list has no order to agree with: NaN rather than a made-up 0 or 1.
  return sxx === 0 || syy === 0 ? NaN : sxy / Math.sqrt(sxx * syy);
}

/**
 * Pearson correlation of average ranks, the form that stays exact with ties (the shortcut
 * 1 - 6 sum d^2 / (n (n^2 - 1)) does not), and bands tie a lot.
 */
export function spearman(x: readonly number[], y: readonly number[]): number {
  if (x.length !== y.length) throw new Error("lists differ in length");
  if (x.length < 2) throw new Error("need at least two pairs");
  return pearson(averageRanks(x), averageRanks(y));
}
