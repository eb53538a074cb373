/**
 * How often the off-topic check fires on essays under their own prompt (false alarms) and under
 * another essay's prompt (caught), by level, on a marked CSV (id, task, prompt, essay, band):
 *
 *   npm run off-topic-check -- ../shared/eval/writing-calibration.csv
 *
 * Each essay is paired with the prompt of the essay 97 rows on that has a different prompt, a
 * fixed pairing so runs compare. Some such pairs share a subject (two education prompts), so
 * "caught" counts a tangential answer as well as an unrelated one. Prints figures only.
 */
import { readFileSync } from "node:fs";
import { contentLemmas } from "../src/scoring/language";
import { isWordToken, parseText } from "../src/scoring/language/nlp";
import { parseCsvObjects } from "../src/scoring/csv";
import { relatedness, relevance, subjectLemmas } from "../src/scoring/writing/task";

const OFFSET = 97;

async function main(path: string | undefined): Promise<void> {
  if (!path) throw new Error("usage: npm run off-topic-check -- <marked.csv>");
  const rows = parseCsvObjects(readFileSync(path, "utf8"));
  const promptLemmas = new Map<string, string[]>();
  for (const task of ["1", "2"]) {
    const essays: { prompt: string; lemmas: string[] }[] = [];
    for (const r of rows.filter((row) => row.task === task)) {
      const prompt = r.prompt ?? "";
      if (!promptLemmas.has(prompt)) promptLemmas.set(prompt, await contentLemmas(prompt));
      const { tokens } = await parseText(r.essay ?? "");
      essays.push({ prompt, lemmas: subjectLemmas(tokens.filter(isWordToken)) });
    }
    const levelUnder = (prompt: string, lemmas: string[]) =>
      relatedness(relevance(promptLemmas.get(prompt) ?? [], lemmas)) ?? "on-topic";
    const tally = (levels: string[]) =>
      Object.fromEntries(
        ["unrelated", "barely-related", "tangential", "on-topic"].map((l) => [
          l,
          levels.filter((x) => x === l).length,
        ]),
      );
    const own = essays.map((e) => levelUnder(e.prompt, e.lemmas));
    const other = essays.map((e, i) => {
      let j = (i + OFFSET) % essays.length;
      while (essays[j]?.prompt === e.prompt) j = (j + 1) % essays.length;
      return levelUnder(essays[j]?.prompt ?? "", e.lemmas);
    });
    console.log(`Task ${task}: ${essays.length} essays`);
    console.log("  under their own prompt   ", JSON.stringify(tally(own)));
    console.log("  under another prompt     ", JSON.stringify(tally(other)));
  }
}

main(process.argv[2]).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
