/**
 * Fits the offline writing scorer: one ridge regression per task on standardised handcrafted
 * features joined with the response's hashed n-grams, with settings chosen and assessed by
 * nested 5-fold cross-validation, then a calibration stretch so predictions spread almost like
 * the human bands instead of bunching at 6-7.
 *
 *   npx tsx scripts/fit-writing-model.ts ../shared/eval/writing-calibration.csv [--without-text]
 *
 * --without-text fits the handcrafted features alone (text weight 0), to compare what the
 * n-grams add in and out of source; its coefficients are for that comparison, not to ship.
 *
 * Writes src/scoring/writing/model/coefficients.json. Extracted features are cached in
 * /tmp/ielts-writing-features.json (keyed by a hash of each row) to make refits quick.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseCsvObjects } from "../src/scoring/csv";
import {
  meanAbsoluteError,
  quadraticWeightedKappa,
  withinHalfBand,
  withinOneBand,
} from "../src/scoring/metrics";
import {
  MODEL_FEATURES,
  type Coefficients,
  type CrossValidated,
  type TaskModel,
} from "../src/scoring/writing/model";
import {
  SD_RATIO,
  chooseAndFit,
  crossValidate,
  withinPromptSd,
} from "./fit-writing-model/cross-validation";
import { TEXT_BITS, sd, taskData, type TaskData } from "./fit-writing-model/ridge";
import { extract, writeFunctionPairs } from "./fit-writing-model/rows";

const OUT = join(__dirname, "../src/scoring/writing/model/coefficients.json");

/** The dual fit turned into per-feature and per-bucket weights, which is all scoring needs. */
function primal(data: TaskData, withText: boolean): TaskModel {
  const { fit, calibration, lambda, textWeight } = chooseAndFit(
    data,
    data.rows.map((_, i) => i),
    withText,
  );
  const p = MODEL_FEATURES.length;
  const weights = MODEL_FEATURES.map((_, j) =>
    fit.train.reduce((s, i, r) => s + (fit.alpha[r]! * fit.z[i]![j]!) / p, 0),
  );
  const dense = new Float64Array(1 << TEXT_BITS);
  fit.train.forEach((i, r) => {
    const v = data.vectors[i]!;
    v.indices.forEach((k, q) => (dense[k]! += textWeight * fit.alpha[r]! * v.values[q]!));
  });
  // int16 keeps 4-5 significant digits, far finer than the fit can justify, at 2 bytes a bucket.
  const step = dense.reduce((m, w) => Math.max(m, Math.abs(w)), 0) / 32767 || 1;
  const bytes = Buffer.alloc(2 * dense.length);
  dense.forEach((w, k) => bytes.writeInt16LE(Math.round(w / step), 2 * k));
  return {
    features: [...MODEL_FEATURES],
    means: fit.means,
    sds: fit.sds,
    weights,
    intercept: fit.intercept,
    calibration,
    text: { bits: TEXT_BITS, step, weights: bytes.toString("base64") },
    lambda,
    textWeight,
  };
}

function report(label: string, truth: number[], predicted: number[]): CrossValidated {
  const f = (n: number) => n.toFixed(3);
  console.log(
    `${label}: n=${truth.length} MAE=${f(meanAbsoluteError(truth, predicted))} ` +
      `within0.5=${(withinHalfBand(truth, predicted) * 100).toFixed(1)}% ` +
      `within1=${(withinOneBand(truth, predicted) * 100).toFixed(1)}% ` +
      `QWK=${f(quadraticWeightedKappa(truth, predicted))} ` +
      `predSD=${f(sd(predicted))} trueSD=${f(sd(truth))}`,
  );
  return {
    n: truth.length,
    mae: Number(f(meanAbsoluteError(truth, predicted))),
    withinHalfBand: Number(f(withinHalfBand(truth, predicted))),
    withinOneBand: Number(f(withinOneBand(truth, predicted))),
    qwk: Number(f(quadraticWeightedKappa(truth, predicted))),
    predictionSd: Number(f(sd(predicted))),
    trueSd: Number(f(sd(truth))),
  };
}

async function main() {
  const args = process.argv.slice(2);
  const withText = !args.includes("--without-text");
  const csvPath = args.find((a) => !a.startsWith("--"));
  if (!csvPath) {
    throw new Error("usage: tsx scripts/fit-writing-model.ts CALIBRATION.csv [--without-text]");
  }
  const records = parseCsvObjects(readFileSync(csvPath, "utf8"));
  await writeFunctionPairs(records);
  const rows = await extract(records);
  const out: Coefficients = { note: "", tasks: {} };
  for (const task of [2, 1] as const) {
    const data = taskData(rows.filter((r) => r.task === task));
    const truth = data.rows.map((r) => r.band);
    console.log(
      `Task ${task}: band SD within a prompt ${withinPromptSd(data.rows).toFixed(2)}, ` +
        `overall ${sd(truth).toFixed(2)} (why folds keep each prompt's essays together)`,
    );
    const cv = report(
      `Task ${task} 5-fold CV (nested, grouped by prompt)`,
      truth,
      crossValidate(data, withText),
    );
    const model = primal(data, withText);
    console.log(`Task ${task}: ridge lambda ${model.lambda}, text weight ${model.textWeight}`);
    out.tasks[task] = { ...model, cv };
  }
  out.note =
    "Ridge regression per task on standardised handcrafted features joined with hashed word " +
    "1-2-gram and character 3-5-gram buckets (text.weights: int16 per bucket, base64, times " +
    "text.step; no vocabulary), fitted on the writing calibration set (overall bands only) by " +
    "scripts/fit-writing-model.ts. Calibration stretches predictions around the mean to " +
    `${SD_RATIO} of the human bands' spread. cv holds nested 5-fold figures with each prompt's essays in one fold.`;
  writeFileSync(OUT, JSON.stringify(out, null, 2) + "\n");
  console.log(`wrote ${OUT}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
