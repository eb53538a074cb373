import * as z from "zod";
import {
  agreementByTask,
  bandColumn,
  essayRowToInput,
  type Agreement,
  type ScoredPair,
} from "../scoring/batch";
import { parseCsvObjects } from "../scoring/csv";
import { scoreWriting } from "../scoring/writing";
import { measuredAgreement } from "../scoring/writing/model";
import { UsageError, type CliIo } from "./io";
import { parseOptions, readInput } from "./options";

const scoreOptions = z.object({
  csv: z.string({ error: "a CSV file path is required" }),
  module: z.enum(["academic", "general"]).default("academic"),
});
type ScoreOptions = z.infer<typeof scoreOptions>;
const evaluateOptions = scoreOptions.extend({ json: z.boolean().default(false) });

const SCORE_OPTION_TYPES = { csv: { type: "string" }, module: { type: "string" } } as const;
const EVALUATE_OPTION_TYPES = { ...SCORE_OPTION_TYPES, json: { type: "boolean" } } as const;

export async function readRows(io: CliIo, path: string, required: readonly string[]) {
  const text = await readInput(io.readFile, path, "the CSV file");
  let rows: Record<string, string>[];
  try {
    rows = parseCsvObjects(text);
  } catch (error) {
    throw new UsageError(`${path}: ${(error as Error).message}.`);
  }
  const missing = required.filter((c) => rows.length > 0 && !(c in rows[0]!));
  if (missing.length) {
    throw new UsageError(`${path}: missing column(s) ${missing.join(", ")}.`);
  }
  if (rows.length === 0) throw new UsageError(`${path}: no rows to score.`);
  return rows;
}

/** A bar redrawn in place; only drawn on a terminal, so redirected stderr stays clean. */
export function progress(io: CliIo, total: number): { tick(done: number): void; end(): void } {
  if (!io.stderrIsTTY) return { tick: () => undefined, end: () => undefined };
  const width = 30;
  return {
    tick(done) {
      const filled = Math.round((done / total) * width);
      io.stderr(`\r[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done}/${total}`);
    },
    end() {
      io.stderr(`\r${" ".repeat(width + 20)}\r`);
    },
  };
}

interface RowOutcome {
  id: string;
  line: Record<string, unknown>;
  task?: 1 | 2;
  overall?: number;
}

/** Scores every row in order; a row that fails gives an error line and the batch goes on. */
async function scoreRows(
  io: CliIo,
  rows: readonly Record<string, string>[],
  options: ScoreOptions,
  onRow: (outcome: RowOutcome, row: Record<string, string>) => void,
): Promise<void> {
  const bar = progress(io, rows.length);
  for (const [i, row] of rows.entries()) {
    const input = essayRowToInput(row, i + 1, options.module);
    if (!input.ok) {
      onRow({ id: input.id, line: { id: input.id, error: input.error } }, row);
    } else {
      try {
        const score = await scoreWriting(input.value);
        onRow(
          {
            id: input.id,
            task: score.task,
            overall: score.overall,
            line: {
              id: input.id,
              task: score.task,
              overall: score.overall,
              criteria: score.criteria,
              wordCount: score.wordCount,
              flags: score.flags,
            },
          },
          row,
        );
      } catch (error) {
        onRow({ id: input.id, line: { id: input.id, error: (error as Error).message } }, row);
      }
    }
    bar.tick(i + 1);
  }
  bar.end();
}

/** `ielts score --csv FILE`: one JSON line per row on stdout. */
export async function scoreCommand(args: readonly string[], io: CliIo): Promise<void> {
  const options = parseOptions("score", args, SCORE_OPTION_TYPES, scoreOptions);
  const rows = await readRows(io, options.csv, ["essay"]);
  await scoreRows(io, rows, options, ({ line }) => io.stdout(`${JSON.stringify(line)}\n`));
}

/** `ielts evaluate --csv FILE`: agreement with the file's human "band" column. */
export async function evaluateCommand(args: readonly string[], io: CliIo): Promise<void> {
  const options = parseOptions("evaluate", args, EVALUATE_OPTION_TYPES, evaluateOptions);
  const rows = await readRows(io, options.csv, ["essay", "band"]);
  const pairs: ScoredPair[] = [];
  const skipped: { id: string; error: string }[] = [];
  await scoreRows(io, rows, options, (outcome, row) => {
    const truth = bandColumn(row);
    if (typeof truth === "string") skipped.push({ id: outcome.id, error: truth });
    else if (outcome.overall === undefined || outcome.task === undefined) {
      skipped.push({ id: outcome.id, error: String(outcome.line.error) });
    } else pairs.push({ task: outcome.task, truth, predicted: outcome.overall });
  });
  if (pairs.length === 0) throw new UsageError("No row could be scored and compared.");
  const report = agreementByTask(pairs);
  io.stdout(
    options.json
      ? `${JSON.stringify({ file: options.csv, module: options.module, ...report, skipped })}\n`
      : formatReport(options.csv, report, skipped),
  );
}

const GROUP_TITLES = { task1: "Task 1", task2: "Task 2", all: "All rows" } as const;

function formatReport(
  file: string,
  report: ReturnType<typeof agreementByTask>,
  skipped: readonly { id: string; error: string }[],
): string {
  const lines = [`Agreement with the human "band" column in ${file}`];
  for (const key of ["task1", "task2", "all"] as const) {
    const a = report[key];
    if (a) lines.push("", ...formatAgreement(GROUP_TITLES[key], a));
  }
  lines.push("", ...unseenEssaysNote());
  if (skipped.length) {
    lines.push("", `Skipped ${skipped.length} row(s):`);
    for (const s of skipped.slice(0, 20)) lines.push(`  ${s.id}: ${s.error}`);
    if (skipped.length > 20) lines.push(`  ... and ${skipped.length - 20} more`);
  }
  return `${lines.join("\n")}\n`;
}

/**
 * The model scores the essays it was fitted on far better than new ones, so figures on the
 * calibration file itself flatter it: the report ends with the cross-validated figures.
 */
function unseenEssaysNote(): string[] {
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  const figures = ([1, 2] as const).map((task) => {
    const m = measuredAgreement(task);
    return `Task ${task}: mean absolute error ${m.meanAbsoluteError.toFixed(2)}, within half a band ${pct(m.withinHalfBand)}, within one band ${pct(m.withinOneBand)} (${m.essays} essays)`;
  });
  return [
    "Essays the model was fitted on (the calibration set) score better than new ones. On essays",
    "it had not seen, cross-validated with each prompt's essays kept apart:",
    ...figures.map((f) => `  ${f}`),
  ];
}

export function formatAgreement(title: string, a: Agreement): string[] {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const { bands, counts } = a.confusion;
  const cell = (s: string) => s.padStart(5);
  return [
    `${title} (n = ${a.n})`,
    `  mean absolute error   ${a.meanAbsoluteError.toFixed(2)}`,
    `  within half a band    ${pct(a.withinHalfBand)}`,
    `  within one band       ${pct(a.withinOneBand)}`,
    `  QWK                   ${a.quadraticWeightedKappa.toFixed(3)}`,
    `  mean (true / pred)    ${a.meanTruth.toFixed(2)} / ${a.meanPredicted.toFixed(2)}`,
    `  spread (true / pred)  ${a.sdTruth.toFixed(2)} / ${a.sdPredicted.toFixed(2)} (standard deviation)`,
    "  confusion: rows are true bands, columns predicted bands",
    `  ${"true".padEnd(5)}${bands.map((b) => cell(String(b))).join("")}`,
    ...bands.map(
      (b, i) =>
        `  ${String(b).padEnd(5)}${(counts[i] ?? []).map((c) => cell(c ? String(c) : ".")).join("")}`,
    ),
  ];
}
