/**
 * Hashed n-gram features of a response for the text model: word unigrams and bigrams and
 * character 3-5-grams, each block log-scaled and L2-normalised. Hashing means the fitted model
 * is an array of numbers indexed by bucket; no vocabulary (and no essay text) is stored.
 */

export interface SparseVector {
  indices: Int32Array;
  values: Float64Array;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/**
 * FNV-1a state after `text` from state `h`. A gram with a known prefix ("b cities ...")
 * continues from the prefix's state instead of being built as a string, and the state stays a
 * signed 32-bit integer because V8 keeps those unboxed as Map keys, where unsigned hashes above
 * 2^31 are heap numbers.
 */
function fnvStep(h: number, text: string): number {
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return h;
}

/**
 * 32-bit FNV-1a over UTF-16 code units: stable across runs and platforms, which the committed
 * weights rely on.
 */
export function fnv1a(text: string): number {
  return fnvStep(FNV_OFFSET, text) >>> 0;
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;

function normalise(text: string): string {
  return text.toLowerCase().replace(/’/g, "'").replace(/\s+/g, " ").trim();
}

function addHash(counts: Map<number, number>, h: number): void {
  counts.set(h, (counts.get(h) ?? 0) + 1);
}

const UNIGRAM = fnvStep(FNV_OFFSET, "w ");
const BIGRAM = fnvStep(FNV_OFFSET, "b ");
const SPACE = " ".charCodeAt(0);

/** fnv1a of `w <word>` for each word and of `b <previous> <word>` after the first. */
function countWordGrams(counts: Map<number, number>, words: readonly string[]): void {
  let previous = 0;
  words.forEach((w, i) => {
    addHash(counts, fnvStep(UNIGRAM, w));
    if (i > 0) addHash(counts, fnvStep(previous, w));
    previous = Math.imul(fnvStep(BIGRAM, w) ^ SPACE, FNV_PRIME);
  });
}

/**
 * fnv1a of every n-character slice of `text`, in the order slicing would give, without building
 * the slices (some 15,000 short strings per essay). The order matters because fold() sums
 * colliding grams in insertion order, and float sums depend on it.
 */
function countCharGrams(counts: Map<number, number>, text: string, n: number): void {
  for (let i = 0; i + n <= text.length; i++) {
    let h = FNV_OFFSET;
    for (let j = i; j < i + n; j++) h = Math.imul(h ^ text.charCodeAt(j), FNV_PRIME);
    addHash(counts, h);
  }
}

/**
 * Per-bucket sums over the whole 2^bits space, reused between calls and cleared after each
 * (one response touches a few thousand of its 262,144 buckets).
 */
const scratch = new Map<number, { sums: Float64Array; touched: Uint8Array }>();

function scratchFor(bits: number) {
  let s = scratch.get(bits);
  if (!s) {
    s = { sums: new Float64Array(1 << bits), touched: new Uint8Array(1 << bits) };
    scratch.set(bits, s);
  }
  return s;
}

/**
 * Sublinear counts folded into 2^bits buckets from `offset` and scaled to length `weight`, so
 * long answers do not dominate by volume. The hash's top bit gives each gram a sign, so that
 * colliding grams tend to cancel rather than add up (the usual trick against hashing bias).
 * Colliding grams are summed, and the norm taken, in the order the grams first occur: float
 * sums depend on order, and the committed weights were fitted on these exact values.
 */
function fold(
  counts: Map<number, number>,
  bits: number,
  offset: number,
  weight: number,
  { sums, touched }: { sums: Float64Array; touched: Uint8Array },
  buckets: number[],
): void {
  const first = buckets.length;
  const mask = (1 << bits) - 1;
  for (const [h, c] of counts) {
    const bucket = offset + (h & mask);
    if (touched[bucket] === 0) {
      touched[bucket] = 1;
      buckets.push(bucket);
    }
    sums[bucket] = (sums[bucket] as number) + (h < 0 ? -1 : 1) * (1 + Math.log(c));
  }
  let norm = 0;
  for (let i = first; i < buckets.length; i++) {
    const v = sums[buckets[i] as number] as number;
    norm += v * v;
  }
  const f = norm > 0 ? weight / Math.sqrt(norm) : 0;
  for (let i = first; i < buckets.length; i++) {
    const bucket = buckets[i] as number;
    sums[bucket] = (sums[bucket] as number) * f;
  }
}

/**
 * The feature vector of one response in a space of 2^bits buckets. Word and character blocks
 * are kept in separate halves of the space and each carries half the squared norm, so the whole
 * vector has unit length.
 */
export function textFeatures(text: string, bits: number): SparseVector {
  const clean = normalise(text);
  const wordCounts = new Map<number, number>();
  countWordGrams(wordCounts, clean.match(WORD) ?? []);
  const charCounts = new Map<number, number>();
  const padded = ` ${clean} `;
  for (let n = 3; n <= 5; n++) countCharGrams(charCounts, padded, n);
  const half = bits - 1;
  const space = scratchFor(bits);
  const buckets: number[] = [];
  fold(wordCounts, half, 0, Math.SQRT1_2, space, buckets);
  fold(charCounts, half, 1 << half, Math.SQRT1_2, space, buckets);
  // A typed array sorts numerically without a comparator callback.
  const indices = Int32Array.from(buckets).sort();
  const values = Float64Array.from(indices, (k) => space.sums[k] as number);
  for (const k of indices) {
    space.sums[k] = 0;
    space.touched[k] = 0;
  }
  return { indices, values };
}

export function sparseDot(x: SparseVector, dense: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < x.indices.length; i++)
    s += (x.values[i] ?? 0) * (dense[x.indices[i] ?? 0] ?? 0);
  return s;
}
