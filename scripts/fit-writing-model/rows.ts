import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { analyseLanguage, functionPairs } from "../../src/scoring/language";
import { gatherEvidence } from "../../src/scoring/writing/features";

// The calibration essays as rows of features, and the word lists derived from them.

export interface Row {
  key: string;
  task: 1 | 2;
  /** Rows with the same prompt stay in the same fold. */
  prompt: string;
  band: number;
  features: Record<string, number>;
  essay: string;
}

const CACHE = "/tmp/ielts-writing-features.json";
const PAIRS_OUT = join(__dirname, "../../src/scoring/language/data/function-pairs.json");

/**
 * The word-salad gate compares function-word pairs with those human writers use. Only the
 * pairs seen twice or more are kept (e.g. "of the"), never any essay text. The model's features
 * do not read the list, so cached features stay valid.
 */
export async function writeFunctionPairs(records: Record<string, string>[]): Promise<void> {
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

export async function extract(records: Record<string, string>[]): Promise<Row[]> {
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
    rows.push({
      key,
      task,
      prompt: r.prompt ?? "",
      band: Number(r.band),
      features,
      essay: r.essay ?? "",
    });
  }
  if (fresh > 0) writeFileSync(CACHE, JSON.stringify(cache));
  return rows;
}
