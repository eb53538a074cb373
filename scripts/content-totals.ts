/**
 * The content bank's totals, for the README: Reading and Listening tests from the papers'
 * index, writing prompts by type, Task 1 visuals by kind, letters by register, speaking sets.
 * Exits non-zero, listing the problems, when the bank fails its checks.
 *
 *   npm run content
 */
import { questionBank } from "../src/content/bank";
import { checkBank } from "../src/content/bank-checks";
import { totalsReport } from "../src/content/bank-totals";
import { listeningTests, readingTests } from "../src/content/papers";

const papers = { reading: readingTests(), listening: listeningTests() };
for (const line of totalsReport(questionBank(), papers)) console.log(line);
const problems = checkBank(questionBank());
if (problems.length > 0) {
  console.error(`\n${problems.length} problems:\n${problems.join("\n")}`);
  process.exitCode = 1;
}
