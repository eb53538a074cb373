/**
 * Hashed n-gram features of a response for the text model: word unigrams and bigrams and
 * character 3-5-grams, each block log-scaled and L2-normalised. Hashing means the fitted model
 * is an array of numbers indexed by bucket; no vocabulary (and no essay text) is stored.
 */

export interface SparseVector {
  indices: Int32Array;
  values: Float64Array;
}

/**
 * 32-bit FNV-1a over UTF-16 code units: stable across runs and platforms, which the committed
 * weights rely on.
 */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;

function normalise(text: string): string {
  return text.toLowerCase().replace(/’/g, "'").replace(/\s+/g, " ").trim();
}

function count(counts: Map<number, number>, gram: string): void {
  addHash(counts, fnv1a(gram));
}

function addHash(counts: Map<number, number>, h: number): void {
  counts.set(h, (counts.get(h) ?? 0) + 1);
}

/**
 * fnv1a of every n-character slice of `text`, in the order slicing would give, without building
 * the slices (some 15,000 short strings per essay). The order matters because fold() sums
 * colliding grams in insertion order, and float sums depend on it.
 */
function countCharGrams(counts: Map<number, number>, text: string, n: number): void {
  for (let i = 0; i + n <= text.length; i++) {
    let h = 0x811c9dc5;
    for (let j = i; j < i + n; j++) {
      h ^= text.charCodeAt(j);
      h = Math.imul(h, 0x01000193);
    }
    addHash(counts, h >>> 0);
  }
}

/**
 * Sublinear counts folded into 2^bits buckets from `offset` and scaled to length `weight`, so
 * long answers do not dominate by volume. The hash's top bit gives each gram a sign, so that
 * colliding grams tend to cancel rather than add up (the usual trick against hashing bias).
 */
function fold(
  counts: Map<number, number>,
  bits: number,
  offset: number,
  weight: number,
  into: Map<number, number>,
): void {
  const folded = new Map<number, number>();
  for (const [h, c] of counts) {
    const bucket = offset + (h & ((1 << bits) - 1));
    const sign = h & 0x80000000 ? -1 : 1;
    folded.set(bucket, (folded.get(bucket) ?? 0) + sign * (1 + Math.log(c)));
  }
  let norm = 0;
  for (const v of folded.values()) norm += v * v;
  const f = norm > 0 ? weight / Math.sqrt(norm) : 0;
  for (const [k, v] of folded) into.set(k, v * f);
}

/**
 * The feature vector of one response in a space of 2^bits buckets. Word and character blocks
 * are kept in separate halves of the space and each carries half the squared norm, so the whole
 * vector has unit length.
 */
export function textFeatures(text: string, bits: number): SparseVector {
  const clean = normalise(text);
  const words = clean.match(WORD) ?? [];
  const wordCounts = new Map<number, number>();
  words.forEach((w, i) => {
    count(wordCounts, `w ${w}`);
    if (i > 0) count(wordCounts, `b ${words[i - 1]} ${w}`);
  });
  const charCounts = new Map<number, number>();
  const padded = ` ${clean} `;
  for (let n = 3; n <= 5; n++) countCharGrams(charCounts, padded, n);
  const half = bits - 1;
  const merged = new Map<number, number>();
  fold(wordCounts, half, 0, Math.SQRT1_2, merged);
  fold(charCounts, half, 1 << half, Math.SQRT1_2, merged);
  // A typed array sorts numerically without a comparator callback: half the time on ~12,000 keys.
  const indices = Int32Array.from(merged.keys()).sort();
  return {
    indices,
    values: Float64Array.from(indices, (k) => merged.get(k) ?? 0),
  };
}

export function sparseDot(x: SparseVector, dense: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < x.indices.length; i++)
    s += (x.values[i] ?? 0) * (dense[x.indices[i] ?? 0] ?? 0);
  return s;
}
