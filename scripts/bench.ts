/**
 * Writing scorer speed: cold start (first call, loading harper.js, wink-nlp and dictionaries),
 * then the median and p95 per essay over distinct essays, and peak resident memory. harper.js
 * caches its lints by text, so scoring one essay over and over would time the cache: every
 * essay here is different, as every student's is.
 *
 *   npm run bench
 */
import { existsSync, readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { parseCsvObjects } from "../src/scoring/csv";
import { createLinter, findIssues } from "../src/scoring/language/grammar";
import { scoreWriting } from "../src/scoring/writing";
import { seededRandom } from "../test/support/seeded-random";

const RUNS = 100;
const CALIBRATION = "../shared/eval/writing-calibration.csv";

const PROMPT =
  "Some people think that cities should ban private cars from their centres. To what extent do you agree or disagree?";

/** About 300 words written for this benchmark, with a few deliberate errors to lint. */
const ESSAY = `In many cities around the world, the streets of the centre are crowded with private cars, and some people argue that these vehicles should be banned completely. I largely agree with this view, although I believe that a ban must be introduced gradually and combined with better public transport.

The main argument for removing cars from city centres is the improvement in quality of life. Without constant traffic, the air becomes cleaner, noise levels fall and pedestrians can walk safely. For example, several European cities that have closed their central districts to cars now report fewer accidents and more visitors to local shops. Furthermore, space which was previously used for parking can be turned into parks, cycle lanes or outdoor cafes, making the centre more attractive for residents and tourists alike.

However, a sudden ban could cause serious problems. Elderly and disabled people often depend on cars, and many workers live in suburbs where buses are rare. If these people can not reach the centre easily, they may lose access to jobs and services. In addition, delivery companys need vehicles to supply shops and restaurants, so some exceptions will always be necesary.

For these reasons, I think governments should reduce car use step by step. They could start by charging drivers a fee to enter the centre, and use the money to expand tram and bus networks. Once reliable alternatives exist, the ban can be extended to most private vehicles, while permits remain available for those who genuinely need them.

In conclusion, banning private cars from city centres would bring clear benefits for health, safety and the environment. Nevertheless, the policy will only succeed if it is phased in carefully and supported by affordable public transport.`;

function percentile(sorted: readonly number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
  return sorted[Math.max(0, i)] as number;
}

type Essay = { prompt: string; response: string };

/**
 * Real Task 2 essays when a marked CSV is at hand; otherwise the benchmark essay's sentences
 * reordered with a fixed seed, each variant a text the linter has never seen.
 */
function distinctEssays(count: number): { source: string; essays: Essay[] } {
  if (existsSync(CALIBRATION)) {
    const csv = CALIBRATION;
    const rows = parseCsvObjects(readFileSync(csv, "utf8")).filter((r) => r.task === "2");
    const essays = rows
      .slice(0, count)
      .map((r) => ({ prompt: r.prompt ?? PROMPT, response: r.essay ?? "" }));
    return { source: `${essays.length} Task 2 essays from ${csv}`, essays };
  }
  const random = seededRandom(2026);
  const paragraphs = ESSAY.split("\n\n").map((p) => p.split(/(?<=\.) /));
  const essays = Array.from({ length: count }, () => ({
    prompt: PROMPT,
    response: paragraphs
      .map((sentences) => [...sentences].sort(() => random() - 0.5).join(" "))
      .join("\n\n"),
  }));
  return {
    source: `${count} reorderings of the benchmark essay (no ${CALIBRATION}: harper.js caches sentences it has seen, so this flatters)`,
    essays,
  };
}

async function main() {
  const input = { task: 2 as const, module: "academic" as const, prompt: PROMPT, response: ESSAY };
  let peakRss = process.memoryUsage().rss;
  const t0 = performance.now();
  const first = await scoreWriting(input);
  const cold = performance.now() - t0;
  peakRss = Math.max(peakRss, process.memoryUsage().rss);

  // The first third is scored whole; the second, which harper.js has not seen either, only
  // through harper.js's checks, to show how much of an essay's time is harper's; the last
  // through harper.js with every rule off: its parse, which each call pays whatever runs.
  const { source, essays } = distinctEssays(3 * RUNS);
  const scored = essays.slice(0, RUNS);
  const linted = essays.slice(RUNS, 2 * RUNS);
  const parsed = essays.slice(2 * RUNS);
  const times: number[] = [];
  for (const essay of scored) {
    const t = performance.now();
    await scoreWriting({ task: 2, module: "academic", ...essay });
    times.push(performance.now() - t);
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }
  const lintTimes: number[] = [];
  for (const essay of linted) {
    const t = performance.now();
    await findIssues(essay.response, "writing");
    lintTimes.push(performance.now() - t);
  }
  const bare = await createLinter();
  const rules = Object.keys(await bare.getLintConfig());
  await bare.setLintConfig(Object.fromEntries(rules.map((rule) => [rule, false])));
  const parseTimes: number[] = [];
  for (const essay of parsed) {
    const t = performance.now();
    for (const lint of await bare.lint(essay.response, { language: "plaintext" })) lint.free();
    parseTimes.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  lintTimes.sort((a, b) => a - b);
  parseTimes.sort((a, b) => a - b);
  const ms = (n: number) => `${n.toFixed(1)} ms`;
  console.log(`writing scorer: cold start on a ${first.wordCount}-word essay, then ${source}`);
  const rows: [string, string][] = [
    ["cold start (first call incl. loading)", ms(cold)],
    [`warm median over ${times.length} distinct essays`, ms(percentile(times, 0.5))],
    ["warm p95", ms(percentile(times, 0.95))],
    [`harper.js alone, median of ${lintTimes.length} others`, ms(percentile(lintTimes, 0.5))],
    [`  of which parsing, ${parseTimes.length} more`, ms(percentile(parseTimes, 0.5))],
    ["peak RSS", `${(peakRss / 2 ** 20).toFixed(0)} MiB`],
  ];
  for (const [label, value] of rows) console.log(`  ${label.padEnd(40)}${value}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
