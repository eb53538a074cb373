/**
 * Lists the harper.js rules that find anything in the calibration essays and the out-of-source
 * essays, for src/scoring/language/data/harper-rules.json: the offline scorer runs only these
 * (a rule that never fires there costs its pass over every essay and changes nothing).
 *
 *   npm run harper-rules -- ../shared/eval/writing-calibration.csv
 *
 * Rerun after upgrading harper.js or adding essays, and refit if the list changes.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseCsvObjects } from "../src/scoring/csv";
import { createLinter } from "../src/scoring/language/grammar";

const OUT = join(__dirname, "../src/scoring/language/data/harper-rules.json");
const OUT_OF_SOURCE = join(__dirname, "../eval/out-of-source/task2.csv");

async function main(calibration: string): Promise<void> {
  const texts = [calibration, OUT_OF_SOURCE].flatMap((path) =>
    parseCsvObjects(readFileSync(path, "utf8")).map((row) => row.essay ?? row.response ?? ""),
  );
  const linter = await createLinter();
  const fired = new Map<string, number>();
  for (const text of texts) {
    for (const [rule, lints] of Object.entries(
      await linter.organizedLints(text, { language: "plaintext", dedup: false }),
    )) {
      if (lints.length > 0) fired.set(rule, (fired.get(rule) ?? 0) + 1);
      for (const lint of lints) lint.free();
    }
  }
  const total = Object.keys(await linter.getLintConfig()).length;
  const rules = [...fired.keys()].sort();
  writeFileSync(OUT, `${JSON.stringify({ essays: texts.length, of: total, rules }, null, 2)}\n`);
  console.log(`${rules.length} of ${total} rules fired on ${texts.length} essays -> ${OUT}`);
}

const path = process.argv[2];
if (!path) throw new Error("usage: npm run harper-rules -- <calibration.csv>");
void main(path);
