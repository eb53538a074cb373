import { roundToHalfBand } from "../bands";
import coefficientsJson from "./model/coefficients.json";
import { sparseDot, textFeatures } from "./text-features";
import type { Criterion } from "./types";

/** Features the regression reads; gatherEvidence computes these and more. */
export const MODEL_FEATURES = [
  "logWords",
  "lengthRatio",
  "underLength",
  "paragraphs",
  "sentences",
  "grammarPer100",
  "spellingPer100",
  "punctuationPer100",
  "stylePer100",
  "errorFreeSentenceShare",
  "mtld",
  "lemmaTtr",
  "lessFrequentShare",
  "rareShare",
  "meanWordLength",
  "complexShare",
  "compoundShare",
  "subordinatePerSentence",
  "relativePerSentence",
  "passivePerSentence",
  "meanSentenceLength",
  "sentenceLengthSd",
  "distinctStructures",
  "linkingDistinct",
  "linkingCategories",
  "linkingPerSentence",
  "linkingInitialShare",
  "repeatedWords",
  "promptCoverage",
  "responseOverlap",
  "overview",
] as const;

/** Weights over hashed n-gram buckets, stored as little-endian int16 (base64) times `step`. */
interface TextModel {
  bits: number;
  step: number;
  weights: string;
}

export interface TaskModel {
  features: string[];
  means: number[];
  sds: number[];
  weights: number[];
  intercept: number;
  calibration: { center: number; scale: number };
  text: TextModel;
  lambda?: number;
  textWeight?: number;
  cv?: CrossValidated;
}

/** Nested cross-validated agreement of a task's model with the human bands (see the fit). */
export interface CrossValidated {
  n: number;
  mae: number;
  withinHalfBand: number;
  withinOneBand: number;
  qwk: number;
  predictionSd: number;
  trueSd: number;
}

export interface Coefficients {
  note: string;
  tasks: Partial<Record<"1" | "2", TaskModel>>;
}

const coefficients = coefficientsJson as unknown as Coefficients;

export function applyCalibration(calibration: TaskModel["calibration"], raw: number): number {
  const { center, scale } = calibration;
  return Math.min(9, Math.max(1, center + (raw - center) * scale));
}

function taskModel(task: 1 | 2): TaskModel {
  const model = coefficients.tasks[task === 1 ? "1" : "2"];
  if (!model) throw new Error(`no writing model for Task ${task}`);
  return model;
}

const decoded = new Map<TextModel, Float32Array>();

function textWeights(text: TextModel): Float32Array {
  let weights = decoded.get(text);
  if (!weights) {
    const bytes = Uint8Array.from(atob(text.weights), (c) => c.charCodeAt(0));
    const view = new DataView(bytes.buffer);
    weights = new Float32Array(bytes.length / 2);
    for (let i = 0; i < weights.length; i++) weights[i] = view.getInt16(2 * i, true) * text.step;
    decoded.set(text, weights);
  }
  return weights;
}

/** The text model's contribution to the raw score: what the response's n-grams add or take away. */
export function textScore(task: 1 | 2, response: string): number {
  const { text } = taskModel(task);
  return sparseDot(textFeatures(response, text.bits), textWeights(text));
}

/** How closely the task's model agreed with examiners on essays it had not seen. */
export interface MeasuredAgreement {
  essays: number;
  meanAbsoluteError: number;
  withinHalfBand: number;
  withinOneBand: number;
}

/**
 * The cross-validated figures the fit stored with the coefficients, so that a student is told how
 * far to trust an offline band by the same numbers the README reports.
 */
export function measuredAgreement(task: 1 | 2): MeasuredAgreement {
  const cv = taskModel(task).cv;
  if (cv?.withinOneBand === undefined) {
    throw new Error(`the Task ${task} model has no cross-validated figures: rerun npm run fit`);
  }
  return {
    essays: cv.n,
    meanAbsoluteError: cv.mae,
    withinHalfBand: cv.withinHalfBand,
    withinOneBand: cv.withinOneBand,
  };
}

/** How unusual a feature value is among the calibration responses, in standard deviations. */
export function featureZ(task: 1 | 2, name: string, value: number): number {
  const model = taskModel(task);
  const j = model.features.indexOf(name);
  if (j < 0) return 0;
  const z = (value - (model.means[j] ?? 0)) / (model.sds[j] || 1);
  return Math.max(-3, Math.min(3, z));
}

/**
 * The model's overall band for a task, before evidence gates; continuous, 1-9: handcrafted
 * features and the response's hashed n-grams, fitted jointly as one ridge regression.
 */
export function predictOverall(
  task: 1 | 2,
  features: Record<string, number>,
  response: string,
): number {
  const model = taskModel(task);
  // featureZ clips, so one freak value (a 2,000-word answer) cannot dominate the sum. A feature
  // the caller leaves out counts as typical (z = 0).
  const raw = model.features.reduce((sum, name, j) => {
    const value = features[name];
    const z = value === undefined ? 0 : featureZ(task, name, value);
    return sum + z * (model.weights[j] ?? 0);
  }, model.intercept);
  return applyCalibration(model.calibration, raw + textScore(task, response));
}

/**
 * The calibration data has overall bands only, so criterion bands cannot be learned from it.
 * They are derived: each criterion starts at the model's overall and moves up or down by how
 * far its own evidence (clamped to +/-1 band) sits from that of the other criteria, e.g. GRA by
 * error rate and structure range, LR by lexical diversity and word frequency. The offsets are
 * centred, then the half bands are nudged so that their rounded mean equals the rounded
 * overall. This is a reasoned allocation, not a measured one.
 */
export function deriveCriteria(
  overall: number,
  evidence: Partial<Record<Criterion, number>>,
): Partial<Record<Criterion, number>> {
  const names = Object.keys(evidence) as Criterion[];
  const offsets = names.map((c) => Math.max(-1, Math.min(1, evidence[c] ?? 0)));
  const centre = offsets.reduce((a, b) => a + b, 0) / names.length;
  const raw = names.map((_, i) => overall + (offsets[i] as number) - centre);
  const bands = raw.map((v) => Math.min(9, Math.max(1, Math.round(v * 2) / 2)));
  const target = roundToHalfBand(overall);
  const mean = () => bands.reduce((a, b) => a + b, 0) / bands.length;
  for (let guard = 0; guard < 16 && roundToHalfBand(mean()) !== target; guard++) {
    const up = roundToHalfBand(mean()) < target;
    // Move the criterion whose rounding cost it most in the needed direction.
    let pick = 0;
    let bestGap = -Infinity;
    bands.forEach((b, i) => {
      const gap = up ? (raw[i] as number) - b : b - (raw[i] as number);
      const allowed = up ? b < 9 : b > 1;
      if (allowed && gap > bestGap) {
        bestGap = gap;
        pick = i;
      }
    });
    bands[pick] = (bands[pick] as number) + (up ? 0.5 : -0.5);
  }
  return Object.fromEntries(names.map((c, i) => [c, bands[i]]));
}
