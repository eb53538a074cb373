/**
 * Monthly running cost for N students (default 20,000, which makes the product description's
 * 5 million requests a month), line by line, from the figures in scripts/cost-model.ts.
 *
 *   npm run cost -- [students] [model id]
 */
import { hasPrice } from "../src/ai/prices";
import { DEFAULT_USAGE, monthlyCost, total } from "./cost-model";

function main(): void {
  const [studentsArg = "20000", modelId = DEFAULT_USAGE.modelId] = process.argv.slice(2);
  const students = Number(studentsArg);
  if (!Number.isInteger(students) || students <= 0) {
    throw new Error(
      `The number of students must be a positive whole number, not "${studentsArg}".`,
    );
  }
  if (!hasPrice(modelId)) throw new Error(`No price for model "${modelId}" in src/ai/prices.ts.`);
  const usage = { ...DEFAULT_USAGE, modelId };
  const lines = monthlyCost(students, usage);
  const requests = students * usage.requestsPerStudent;
  console.log(
    `${students.toLocaleString("en")} students a month, ${(requests / 1e6).toFixed(2)} M requests`,
  );
  for (const l of lines) {
    console.log(
      `  ${l.item.padEnd(44)}${l.quantity.padStart(22)}${`$${l.usd.toFixed(2)}`.padStart(11)}`,
    );
  }
  const sum = total(lines);
  console.log(`  ${"total".padEnd(66)}${`$${sum.toFixed(2)}`.padStart(11)}`);
  console.log(
    `  per student $${(sum / students).toFixed(4)}; the product description budgets $60 at 5 M requests`,
  );
}

try {
  main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
