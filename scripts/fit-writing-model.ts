/**
 * Fits the offline writing scorer: features -> overall band, one ridge regression per task on
 * standardised features, chosen and assessed by 5-fold cross-validation, then a variance-
 * matching calibration so predictions spread like the human bands instead of bunching at 6-7.
 *
 *   npx tsx scripts/fit-writing-model.ts ../shared/eval/writing-calibration.csv
 *
 * Writes src/scoring/writing/model/coefficients.json. Extracted features are cached in
 * /tmp/ielts-writing-features.json (keyed by a hash of each row) to make refits quick.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseCsvObjects } from "../src/scoring/csv";
import { meanAbsoluteError, quadraticWeightedKappa, withinHalfBand } from "../src/scoring/metrics";
import { roundToHalfBand } from "../src/scoring/bands";
import { analyseLanguage, functionPairs } from "../src/scoring/language";
import { gatherEvidence } from "../src/scoring/writing/features";
import {
  MODEL_FEATURES,
  applyCalibration,
  type Coefficients,
  type TaskModel,
} from "../src/scoring/writing/model";

interface Row {
  key: string;
  task: 1 | 2;
  band: number;
  features: Record<string, number>;
}

const CACHE = "/tmp/ielts-writing-features.json";
const PAIRS_OUT = join(__dirname, "../src/scoring/language/data/function-pairs.json");
const OUT = join(__dirname, "../src/scoring/writing/model/coefficients.json");
const LAMBDAS = [0.3, 1, 3, 10, 30, 100];
const FOLDS = 5;

/**
 * The word-salad gate compares function-word pairs with those human writers use. Only the
 * pairs seen twice or more are kept (e.g. "of the"), never any essay text. The model's features
 * do not read the list, so cached features stay valid.
 */
async function writeFunctionPairs(records: Record<string, string>[]): Promise<void> {
  const counts = new Map<string, number>();
  for (const r of records) {
    const { words } = await analyseLanguage(r.essay ?? "", { mode: "speech" });
    for (const p of functionPairs(words)) counts.set(p, (counts.get(p) ?? 0) + 1);
  }
  const pairs = [...counts].filter(([, c]) => c >= 2).map(([p]) => p);
  pairs.sort();
  writeFileSync(
    PAIRS_OUT,
    JSON.stringify({
      source:
        "Adjacent function-word pairs seen at least twice in the writing calibration set; derived by scripts/fit-writing-model.ts.",
      pairs,
    }) + "\n",
  );
  console.log(`wrote ${pairs.length} function-word pairs to ${PAIRS_OUT}`);
}

async function extract(records: Record<string, string>[]): Promise<Row[]> {
  const cache: Record<string, Record<string, number>> = existsSync(CACHE)
    ? JSON.parse(readFileSync(CACHE, "utf8"))
    : {};
  const rows: Row[] = [];
  let fresh = 0;
  for (const [i, r] of records.entries()) {
    const task = r.task === "1" ? 1 : 2;
    const key = createHash("sha1").update(`${task}\0${r.prompt}\0${r.essay}`).digest("hex");
    let features = cache[key];
    if (!features) {
      // The calibration set's Task 1 prompts are all Academic (charts); none is a letter.
      const evidence = await gatherEvidence({
        task,
        module: "academic",
        prompt: r.prompt ?? "",
        response: r.essay ?? "",
      });
      features = evidence.features;
      cache[key] = features;
      fresh++;
      if (fresh % 50 === 0) process.stderr.write(`  extracted ${i + 1}/${records.length}\n`);
    }
    rows.push({ key, task, band: Number(r.band), features });
  }
  if (fresh > 0) writeFileSync(CACHE, JSON.stringify(cache));
  return rows;
}

/** Solves (X'X + lambda I) w = X'y on standardised columns by Gaussian elimination. */
function ridge(x: number[][], y: number[], lambda: number): number[] {
  const p = x[0]?.length ?? 0;
  const a = Array.from({ length: p }, (_, i) =>
    Array.from({ length: p + 1 }, (_, j) => (i === j ? lambda : 0)),
  );
  x.forEach((row, n) => {
    for (let i = 0; i < p; i++) {
      const ai = a[i] as number[];
      for (let j = 0; j < p; j++) ai[j]! += (row[i] as number) * (row[j] as number);
      ai[p]! += (row[i] as number) * (y[n] as number);
    }
  });
  for (let c = 0; c < p; c++) {
    let pivot = c;
    for (let r = c + 1; r < p; r++) {
      if (Math.abs(a[r]![c]!) > Math.abs(a[pivot]![c]!)) pivot = r;
    }
    [a[c], a[pivot]] = [a[pivot] as number[], a[c] as number[]];
    const ac = a[c] as number[];
    for (let r = 0; r < p; r++) {
      if (r === c) continue;
      const ar = a[r] as number[];
      const f = ar[c]! / ac[c]!;
      for (let j = c; j <= p; j++) ar[j]! -= f * ac[j]!;
    }
  }
  return a.map((row, i) => row[p]! / row[i]!);
}

const mean = (v: readonly number[]) => v.reduce((s, x) => s + x, 0) / v.length;
const sd = (v: readonly number[]) => {
  const m = mean(v);
  return Math.sqrt(v.reduce((s, x) => s + (x - m) ** 2, 0) / v.length);
};

function fit(rows: readonly Row[], lambda: number): TaskModel {
  const names = [...MODEL_FEATURES];
  const cols = names.map((f) => rows.map((r) => r.features[f] ?? 0));
  const means = cols.map(mean);
  const sds = cols.map((c) => sd(c) || 1);
  const x = rows.map((r) => names.map((f, j) => ((r.features[f] ?? 0) - means[j]!) / sds[j]!));
  const y = rows.map((r) => r.band);
  const intercept = mean(y);
  const weights = ridge(
    x,
    y.map((v) => v - intercept),
    lambda * rows.length,
  );
  const raw = x.map((row) => intercept + row.reduce((s, v, j) => s + v * weights[j]!, 0));
  // Variance matching: ridge shrinks toward the mean; stretch so the spread matches the truth.
  const scale = sd(y) / (sd(raw) || 1);
  return {
    features: names,
    means,
    sds,
    weights,
    intercept,
    calibration: { center: intercept, scale },
  };
}

function predictRaw(model: TaskModel, f: Record<string, number>): number {
  return model.features.reduce(
    (s, name, j) => s + (((f[name] ?? 0) - model.means[j]!) / model.sds[j]!) * model.weights[j]!,
    model.intercept,
  );
}

/** Deterministic fold assignment, stratified by band so each fold sees the whole range. */
function folds(rows: readonly Row[]): number[] {
  const order = rows
    .map((r, i) => ({ i, band: r.band, h: r.key }))
    .sort((a, b) => {
      return a.band - b.band || a.h.localeCompare(b.h);
    });
  const fold = new Array<number>(rows.length).fill(0);
  order.forEach((o, k) => (fold[o.i] = k % FOLDS));
  return fold;
}

function crossValidate(rows: readonly Row[], lambda: number): number[] {
  const fold = folds(rows);
  const predictions = new Array<number>(rows.length).fill(0);
  for (let k = 0; k < FOLDS; k++) {
    const train = rows.filter((_, i) => fold[i] !== k);
    const model = fit(train, lambda);
    rows.forEach((r, i) => {
      if (fold[i] === k) {
        predictions[i] = roundToHalfBand(applyCalibration(model, predictRaw(model, r.features)));
      }
    });
  }
  return predictions;
}

function report(label: string, truth: number[], predicted: number[]) {
  const f = (n: number) => n.toFixed(3);
  console.log(
    `${label}: n=${truth.length} MAE=${f(meanAbsoluteError(truth, predicted))} ` +
      `within0.5=${(withinHalfBand(truth, predicted) * 100).toFixed(1)}% ` +
      `QWK=${f(quadraticWeightedKappa(truth, predicted))} ` +
      `predSD=${f(sd(predicted))} trueSD=${f(sd(truth))}`,
  );
  return {
    n: truth.length,
    mae: Number(f(meanAbsoluteError(truth, predicted))),
    withinHalfBand: Number(f(withinHalfBand(truth, predicted))),
    qwk: Number(f(quadraticWeightedKappa(truth, predicted))),
    predictionSd: Number(f(sd(predicted))),
    trueSd: Number(f(sd(truth))),
  };
}

async function main() {
  const csvPath = process.argv[2];
  if (!csvPath) throw new Error("usage: tsx scripts/fit-writing-model.ts CALIBRATION.csv");
  const records = parseCsvObjects(readFileSync(csvPath, "utf8"));
  await writeFunctionPairs(records);
  const rows = await extract(records);
  const out: Coefficients = { note: "", tasks: {} };
  for (const task of [2, 1] as const) {
    const taskRows = rows.filter((r) => r.task === task);
    let best = { lambda: LAMBDAS[0] as number, mae: Infinity, predictions: [] as number[] };
    for (const lambda of LAMBDAS) {
      const predictions = crossValidate(taskRows, lambda);
      const mae = meanAbsoluteError(
        taskRows.map((r) => r.band),
        predictions,
      );
      if (mae < best.mae) best = { lambda, mae, predictions };
    }
    console.log(`Task ${task}: ridge lambda ${best.lambda} (chosen by CV MAE)`);
    const cv = report(
      `Task ${task} 5-fold CV`,
      taskRows.map((r) => r.band),
      best.predictions,
    );
    out.tasks[task] = { ...fit(taskRows, best.lambda), lambda: best.lambda, cv };
  }
  out.note =
    "Ridge regression per task on standardised features, fitted on the writing calibration set " +
    "(overall bands only) by scripts/fit-writing-model.ts; calibration stretches predictions " +
    "around the mean so their spread matches the human bands. cv holds 5-fold figures.";
  writeFileSync(OUT, JSON.stringify(out, null, 2) + "\n");
  console.log(`wrote ${OUT}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
