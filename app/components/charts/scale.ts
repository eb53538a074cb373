/** Steps a reader can count in: 1, 2, 2.5 and 5 times a power of ten. */
function niceStep(rough: number): number {
  const power = 10 ** Math.floor(Math.log10(rough));
  const fraction = rough / power;
  const nice =
    fraction < 1.5 ? 1 : fraction < 2.25 ? 2 : fraction < 3.5 ? 2.5 : fraction < 7.5 ? 5 : 10;
  return nice * power;
}

// Binary floating point turns 0.1 * 3 into 0.30000000000000004; 12 significant digits is far
// more precision than any axis label shows.
function clean(value: number): number {
  return Number.parseFloat(value.toPrecision(12)) || 0;
}

/**
 * Round axis ticks covering [min, max], about `count` of them, evenly spaced by a nice step.
 * The first tick is at or below min and the last at or above max.
 */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) {
    throw new RangeError(`niceTicks needs finite bounds, got ${min} and ${max}`);
  }
  let lo = Math.min(min, max);
  let hi = Math.max(min, max);
  if (lo === hi) {
    // A flat series still needs an axis; widen it around the value.
    const pad = Math.abs(lo) / 2 || 1;
    lo -= lo === 0 ? 0 : pad;
    hi += pad;
  }
  const step = niceStep((hi - lo) / Math.max(1, Math.round(count) - 1));
  const first = Math.floor(clean(lo / step));
  const last = Math.ceil(clean(hi / step));
  const ticks: number[] = [];
  for (let i = first; i <= last; i++) ticks.push(clean(i * step));
  return ticks;
}

/** Maps a value in [d0, d1] linearly onto [r0, r1]. */
export function linear(d0: number, d1: number, r0: number, r1: number): (v: number) => number {
  const span = d1 - d0 || 1;
  return (v) => r0 + ((v - d0) / span) * (r1 - r0);
}
