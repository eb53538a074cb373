/**
 * The offline Writing scorer on Task 2 essays from outside its calibration source, against
 * target bands, with word count as the floor to beat: a scorer that ranks essays worse than
 * their length does has learnt its source rather than the descriptors (issue 16).
 *
 *   npm run out-of-source-check                       # eval/out-of-source/task2.csv
 *   npm run out-of-source-check -- other.csv          # columns prompt, response, band
 *
 * Prints figures only.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseCsvObjects } from "../src/scoring/csv";
import { meanAbsoluteError, withinHalfBand, withinOneBand } from "../src/scoring/metrics";
import { spearman } from "../src/scoring/rank-correlation";
import { scoreWriting } from "../src/scoring/writing";

const DEFAULT = join(__dirname, "../eval/out-of-source/task2.csv");

/** Whitespace-separated words, the plainest length a rival measure could use. */
const wordCount = (text: string): number => text.split(/\s+/).filter(Boolean).length;

const meanSigned = (truth: readonly number[], predicted: readonly number[]): number =>
  predicted.reduce((s, p, i) => s + p - truth[i]!, 0) / truth.length;

async function main(path: string): Promise<void> {
  const rows = parseCsvObjects(readFileSync(path, "utf8"));
  const truth: number[] = [];
  const predicted: number[] = [];
  const words: number[] = [];
  for (const row of rows) {
    const response = row.response ?? "";
    const band = Number(row.band);
    if (!Number.isFinite(band)) throw new Error(`row ${row.id ?? "?"}: band "${row.band}"`);
    const score = await scoreWriting({
      task: 2,
      module: "academic",
      prompt: row.prompt ?? "",
      response,
    });
    truth.push(band);
    predicted.push(score.overall);
    words.push(wordCount(response));
  }
  const f = (n: number) => n.toFixed(2);
  const pct = (n: number) => `${(n * 100).toFixed(0)}%`;
  console.log(`out-of-source Task 2: ${path}`);
  const lines: [string, string][] = [
    ["n", String(truth.length)],
    ["Spearman, scorer band vs target", f(spearman(predicted, truth))],
    ["Spearman, word count vs target (floor)", f(spearman(words, truth))],
    ["MAE", f(meanAbsoluteError(truth, predicted))],
    // MAE alone hides whether the scorer is generous or harsh here; the sign says which.
    ["mean error, scorer minus target", f(meanSigned(truth, predicted))],
    ["within half a band", pct(withinHalfBand(truth, predicted))],
    ["within one band", pct(withinOneBand(truth, predicted))],
  ];
  for (const [label, value] of lines) console.log(`  ${label.padEnd(40)}${value}`);
}

main(process.argv[2] ?? DEFAULT).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
