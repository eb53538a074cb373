import * as z from "zod";
import { calibrationFileSchema } from "../ai/calibrated";
import { cloudProviderFromEnv } from "../ai/config";
import type { ScoringProvider } from "../ai/types";
import { agreementByTask, bandColumn, essayRowToInput } from "../scoring/batch";
import { calibrate, type Calibration, type MarkedPair } from "../scoring/calibration";
import { UsageError, type CliIo } from "./io";
import { formatAgreement, progress, readRows } from "./score";
import { parseOptions, readInput } from "./options";

/**
 * Cloud models against examiner-marked essays: `evaluate --provider` collects their bands
 * (resumable, bounded concurrency, costed), and `calibrate` fits the mapping the workers apply.
 */

const evaluateOptions = z.object({
  provider: z.enum(["bedrock", "gemini"], { error: "--provider is bedrock or gemini" }),
  csv: z.string({ error: "a CSV file path is required" }),
  out: z.string().optional(),
  concurrency: z.coerce
    .number()
    .int()
    .min(1, "--concurrency is 1 to 16")
    .max(16, "--concurrency is 1 to 16")
    .default(4),
  module: z.enum(["academic", "general"]).default("academic"),
});

const EVALUATE_OPTION_TYPES = {
  provider: { type: "string" },
  csv: { type: "string" },
  out: { type: "string" },
  concurrency: { type: "string" },
  module: { type: "string" },
} as const;

/** One answer's line in the results file. */
const resultLine = z.union([
  z.object({
    id: z.string(),
    task: z.union([z.literal(1), z.literal(2)]),
    truth: z.number(),
    provider: z.string(),
    modelId: z.string(),
    overall: z.number(),
    criteria: z.record(z.string(), z.number()),
    costUsd: z.number(),
  }),
  z.object({ id: z.string(), error: z.string() }),
]);
type ResultLine = z.infer<typeof resultLine>;
type Scored = Extract<ResultLine, { overall: number }>;

async function readText(io: CliIo, path: string): Promise<string> {
  try {
    return await io.readFile(path);
  } catch {
    return "";
  }
}

/** Missing file: nothing done yet. Lines that do not parse (a run killed mid-write) are redone. */
async function readResults(io: CliIo, path: string): Promise<ResultLine[]> {
  const text = await readText(io, path);
  return text.split("\n").flatMap((line) => {
    try {
      const parsed = resultLine.safeParse(JSON.parse(line));
      return parsed.success ? [parsed.data] : [];
    } catch {
      return [];
    }
  });
}

const isScored = (line: ResultLine): line is Scored => "overall" in line;

const CALL_TIMEOUT_MS = 120_000;

export async function evaluateCloudCommand(args: readonly string[], io: CliIo): Promise<void> {
  const options = parseOptions("evaluate", args, EVALUATE_OPTION_TYPES, evaluateOptions);
  const out = options.out ?? `${options.csv}.${options.provider}.jsonl`;
  let provider: ScoringProvider;
  try {
    provider = cloudProviderFromEnv(options.provider, io.env);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const rows = await readRows(io, options.csv, ["essay", "band"]);
  const done = new Set((await readResults(io, out)).filter(isScored).map((l) => l.id));
  const todo = rows
    .map((row, i) => ({ row, input: essayRowToInput(row, i + 1, options.module) }))
    .filter(({ input }) => !done.has(input.id));
  if (done.size) io.stderr(`Resuming: ${done.size} answer(s) already in ${out}.\n`);
  // A run killed mid-line leaves no newline: the next line must not be glued to the fragment.
  const previous = await readText(io, out);
  if (previous && !previous.endsWith("\n")) await io.appendFile(out, "\n");

  const bar = progress(io, todo.length);
  let finished = 0;
  let next = 0;
  const worker = async () => {
    while (next < todo.length) {
      const { row, input } = todo[next++]!;
      const truth = bandColumn(row);
      let line: ResultLine;
      if (!input.ok) line = { id: input.id, error: input.error };
      else if (typeof truth === "string") line = { id: input.id, error: truth };
      else {
        try {
          const result = await provider.score(
            { kind: "writing", ...input.value },
            AbortSignal.timeout(CALL_TIMEOUT_MS),
          );
          line = {
            id: input.id,
            task: input.value.task,
            truth,
            provider: result.provider,
            modelId: result.modelId,
            overall: result.overall,
            criteria: result.criteria,
            costUsd: result.costUsd,
          };
        } catch (error) {
          line = { id: input.id, error: (error as Error).message };
        }
      }
      await io.appendFile(out, `${JSON.stringify(line)}\n`);
      bar.tick(++finished);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  bar.end();

  const lines = await readResults(io, out);
  const scored = lines.filter(isScored);
  const failed = lines.filter((l) => !isScored(l) && !done.has(l.id));
  if (scored.length === 0) throw new UsageError(`No answer was scored; see ${out}.`);
  const report = agreementByTask(
    scored.map((l) => ({ task: l.task, truth: l.truth, predicted: l.overall })),
  );
  const cost = scored.reduce((sum, l) => sum + l.costUsd, 0);
  const text = [
    `${options.provider} against the human "band" column in ${options.csv}`,
    ...(["task1", "task2", "all"] as const).flatMap((key) => {
      const a = report[key];
      return a
        ? ["", ...formatAgreement(key === "all" ? "All rows" : `Task ${key.at(-1)}`, a)]
        : [];
    }),
    "",
    `Cost: $${cost.toFixed(4)} for ${scored.length} answer(s); results in ${out}.`,
    ...(failed.length
      ? [`${failed.length} answer(s) failed this run (run again to retry them).`]
      : []),
    `Next: ielts calibrate --results ${out}`,
  ];
  io.stdout(`${text.join("\n")}\n`);
}

const calibrateOptions = z.object({
  results: z.string({ error: "--results FILE.jsonl is required (from ielts evaluate --provider)" }),
  out: z.string().default("src/ai/calibrations.json"),
});
const CALIBRATE_OPTION_TYPES = { results: { type: "string" }, out: { type: "string" } } as const;

export async function calibrateCommand(args: readonly string[], io: CliIo): Promise<void> {
  const options = parseOptions("calibrate", args, CALIBRATE_OPTION_TYPES, calibrateOptions);
  await readInput(io.readFile, options.results, "the results file");
  const scored = (await readResults(io, options.results)).filter(isScored);
  // The last line per answer wins, and each model is fitted on its own answers only.
  const latest = new Map(scored.map((l) => [l.id, l]));
  const byModel = new Map<string, Scored[]>();
  for (const line of latest.values()) {
    const key = `${line.provider}\n${line.modelId}`;
    byModel.set(key, [...(byModel.get(key) ?? []), line]);
  }
  if (byModel.size === 0) throw new UsageError(`${options.results}: no scored answers.`);

  const file: { notes: string[]; calibrations: Calibration[] } = calibrationFileSchema.parse(
    JSON.parse(await readInput(io.readFile, options.out, "the calibrations file")),
  );
  const lines: string[] = [];
  for (const [key, answers] of byModel) {
    const [provider, modelId] = key.split("\n") as [string, string];
    // Folds are taken by position, and evaluate writes answers as they come back: in the ids'
    // order, the same answers give the same figures however the file was written.
    const pairs: MarkedPair[] = answers
      .sort((a, b) => a.id.localeCompare(b.id, "en", { numeric: true }))
      .map((a) => ({ truth: a.truth, criteria: a.criteria }));
    let fitted;
    try {
      fitted = calibrate(pairs, { provider, modelId, fittedAt: new Date().toISOString() });
    } catch (error) {
      throw new UsageError(`${provider} ${modelId}: ${(error as Error).message}`);
    }
    file.calibrations = [
      ...file.calibrations.filter((c) => !(c.provider === provider && c.modelId === modelId)),
      fitted,
    ];
    const f = (x: { meanAbsoluteError: number; withinHalfBand: number; withinOneBand: number }) =>
      `mean absolute error ${x.meanAbsoluteError.toFixed(2)}, within half a band ${Math.round(x.withinHalfBand * 100)}%, within one band ${Math.round(x.withinOneBand * 100)}%`;
    lines.push(
      `${provider} ${modelId} (${pairs.length} answers)`,
      `  as the model marks:        ${f(fitted.raw)}`,
      `  mapped (5-fold, unseen):   ${f(fitted.crossValidated)}`,
    );
  }
  await io.writeFile(options.out, `${JSON.stringify(file, null, 2)}\n`);
  lines.push(`Stored in ${options.out}; deploy to apply it to new scores.`);
  io.stdout(`${lines.join("\n")}\n`);
}
