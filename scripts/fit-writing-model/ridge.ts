import { MODEL_FEATURES } from "../../src/scoring/writing/model";
import {
  sparseDot,
  textFeatures,
  type SparseVector,
} from "../../src/scoring/writing/text-features";
import type { Row } from "./rows";

// Ridge regression in dual form over handcrafted features joined with hashed n-grams.

export const TEXT_BITS = 18;

export const mean = (v: readonly number[]) => v.reduce((s, x) => s + x, 0) / v.length;
export const sd = (v: readonly number[]) => {
  const m = mean(v);
  return Math.sqrt(v.reduce((s, x) => s + (x - m) ** 2, 0) / v.length);
};

/** Solves A x = b for a symmetric positive definite m x m matrix (row-major) by Cholesky. */
function solveSpd(a: Float64Array, m: number, b: readonly number[]): Float64Array {
  const l = Float64Array.from(a);
  for (let j = 0; j < m; j++) {
    let d = l[j * m + j]!;
    for (let q = 0; q < j; q++) d -= l[j * m + q]! ** 2;
    d = Math.sqrt(d);
    l[j * m + j] = d;
    for (let i = j + 1; i < m; i++) {
      let v = l[i * m + j]!;
      for (let q = 0; q < j; q++) v -= l[i * m + q]! * l[j * m + q]!;
      l[i * m + j] = v / d;
    }
  }
  const x = Float64Array.from(b);
  for (let i = 0; i < m; i++) {
    for (let q = 0; q < i; q++) x[i]! -= l[i * m + q]! * x[q]!;
    x[i]! /= l[i * m + i]!;
  }
  for (let i = m - 1; i >= 0; i--) {
    for (let q = i + 1; q < m; q++) x[i]! -= l[q * m + i]! * x[q]!;
    x[i]! /= l[i * m + i]!;
  }
  return x;
}

export interface TaskData {
  rows: readonly Row[];
  vectors: SparseVector[];
  /** Dot products of the rows' hashed n-gram vectors, n x n. */
  text: Float64Array;
}

export function taskData(rows: readonly Row[]): TaskData {
  const n = rows.length;
  const vectors = rows.map((r) => textFeatures(r.essay, TEXT_BITS));
  const text = new Float64Array(n * n);
  const dense = new Float64Array(1 << TEXT_BITS);
  vectors.forEach((vi, i) => {
    vi.indices.forEach((k, q) => (dense[k] = vi.values[q]!));
    for (let j = i; j < n; j++) {
      const dot = sparseDot(vectors[j]!, dense);
      text[i * n + j] = dot;
      text[j * n + i] = dot;
    }
    vi.indices.forEach((k) => (dense[k] = 0));
  });
  return { rows, vectors, text };
}

/** A ridge regression in dual form over a training subset: one weight per training row. */
interface DualFit {
  train: readonly number[];
  alpha: Float64Array;
  intercept: number;
  means: number[];
  sds: number[];
  /** Every row's handcrafted features, standardised with the training rows' statistics. */
  z: number[][];
  textWeight: number;
}

/**
 * The kernel is the sum of two linear ones, so the fit is a plain ridge regression on the
 * handcrafted z-scores (clipped at +/-3 as featureZ does, scaled by 1/p) joined with the text
 * vector (scaled by textWeight): dual form because there are far more buckets than essays.
 */
function kernel(fit: Omit<DualFit, "alpha" | "intercept">, data: TaskData, i: number, j: number) {
  const zi = fit.z[i]!;
  const zj = fit.z[j]!;
  let dot = 0;
  for (let q = 0; q < zi.length; q++) dot += zi[q]! * zj[q]!;
  return dot / zi.length + fit.textWeight * data.text[i * data.rows.length + j]!;
}

export function fitDual(
  data: TaskData,
  train: readonly number[],
  lambda: number,
  textWeight: number,
) {
  const cols = MODEL_FEATURES.map((f) => train.map((i) => data.rows[i]!.features[f] ?? 0));
  const means = cols.map(mean);
  const sds = cols.map((c) => sd(c) || 1);
  const z = data.rows.map((r) =>
    MODEL_FEATURES.map((f, j) =>
      Math.max(-3, Math.min(3, ((r.features[f] ?? 0) - means[j]!) / sds[j]!)),
    ),
  );
  const base = { train, means, sds, z, textWeight };
  const m = train.length;
  const gram = new Float64Array(m * m);
  train.forEach((i, r) => {
    for (let c = r; c < m; c++) {
      const k = kernel(base, data, i, train[c]!) + (r === c ? lambda : 0);
      gram[r * m + c] = k;
      gram[c * m + r] = k;
    }
  });
  const y = train.map((i) => data.rows[i]!.band);
  const intercept = mean(y);
  const alpha = solveSpd(
    gram,
    m,
    y.map((v) => v - intercept),
  );
  return { ...base, alpha, intercept };
}

export function predictDual(fit: DualFit, data: TaskData, i: number): number {
  return fit.train.reduce((s, t, r) => s + fit.alpha[r]! * kernel(fit, data, t, i), fit.intercept);
}
