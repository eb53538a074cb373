/**
 * Hashed n-gram features of a response for the text model: word unigrams and bigrams and
 * character 3-5-grams, each block log-scaled and L2-normalised. Hashing means the fitted model
 * is an array of numbers indexed by bucket; no vocabulary (and no essay text) is stored.
 */

export interface SparseVector {
  indices: Int32Array;
  values: Float64Array;
}

/** 32-bit FNV-1a over UTF-16 code units: stable across runs and platforms, which the committed weights rely on. */
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

function countInto(counts: Map<number, number>, gram: string, bits: number): void {
  const h = fnv1a(gram);
  // The top bit of the hash is spent on a sign so that colliding grams tend to cancel rather
  // than add up, the usual trick for keeping hashed models unbiased.
  const bucket = (h & ((1 << bits) - 1)) + 1;
  const key = h & 0x80000000 ? -bucket : bucket;
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

/** Sublinear counts scaled to unit length, so long answers do not dominate by volume. */
function block(counts: Map<number, number>, weight: number): Map<number, number> {
  const out = new Map<number, number>();
  let norm = 0;
  for (const [key, c] of counts) {
    const v = (key < 0 ? -1 : 1) * (1 + Math.log(c));
    out.set(Math.abs(key) - 1, (out.get(Math.abs(key) - 1) ?? 0) + v);
  }
  for (const v of out.values()) norm += v * v;
  const f = norm > 0 ? weight / Math.sqrt(norm) : 0;
  for (const [k, v] of out) out.set(k, v * f);
  return out;
}

/**
 * The feature vector of one response in a space of 2^bits buckets. Word and character blocks
 * are kept in separate halves of the space and each carries half the squared norm, so the whole
 * vector has unit length.
 */
export function textFeatures(text: string, bits: number): SparseVector {
  const clean = normalise(text);
  const words = clean.match(WORD) ?? [];
  const half = bits - 1;
  const wordCounts = new Map<number, number>();
  words.forEach((w, i) => {
    countInto(wordCounts, `w ${w}`, half);
    if (i > 0) countInto(wordCounts, `b ${words[i - 1]} ${w}`, half);
  });
  const charCounts = new Map<number, number>();
  const padded = ` ${clean} `;
  for (let n = 3; n <= 5; n++) {
    for (let i = 0; i + n <= padded.length; i++) countInto(charCounts, padded.slice(i, i + n), half);
  }
  const offset = 1 << half;
  const merged = new Map<number, number>(block(wordCounts, Math.SQRT1_2));
  for (const [k, v] of block(charCounts, Math.SQRT1_2)) merged.set(k + offset, v);
  const keys = [...merged.keys()].sort((a, b) => a - b);
  return {
    indices: Int32Array.from(keys),
    values: Float64Array.from(keys, (k) => merged.get(k) ?? 0),
  };
}

export function sparseDot(x: SparseVector, dense: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < x.indices.length; i++) s += (x.values[i] ?? 0) * (dense[x.indices[i] ?? 0] ?? 0);
  return s;
}
