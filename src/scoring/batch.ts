import * as z from "zod";
import { isHalfBand } from "./bands";
import {
  confusionTable,
  meanAbsoluteError,
  quadraticWeightedKappa,
  withinHalfBand,
  withinOneBand,
  type ConfusionTable,
} from "./metrics";
import type { WritingInput } from "./writing/types";

/**
 * Rows of a class's essays as teachers supply them (CSV columns id, task, prompt, essay and,
 * for evaluation, band). Validation is per row so one bad row never stops a batch.
 */
const essayRowSchema = z.object({
  id: z.string().trim().min(1, { error: "the id is empty" }),
  task: z
    .string({ error: "the task column is missing" })
    .trim()
    .refine((t) => t === "1" || t === "2", { error: "task must be 1 or 2" })
    .transform((t) => (t === "1" ? 1 : 2) as 1 | 2),
  prompt: z.string().optional().default(""),
  essay: z
    .string({ error: "the essay column is missing" })
    .refine((e) => e.trim() !== "", { error: "the essay is empty" }),
});

const bandColumnSchema = z
  .string({ error: "the band column is missing" })
  .trim()
  .regex(/^\d+(\.\d+)?$/, { error: "band must be a number" })
  .transform(Number)
  .refine(isHalfBand, { error: "band must be 0-9 in half steps" });

export type Module = WritingInput["module"];

export type RowResult<T> =
  { ok: true; id: string; value: T } | { ok: false; id: string; error: string };

function messages(error: z.ZodError): string {
  return error.issues.map((i) => i.message).join("; ");
}

/** One CSV row as scorer input; `index` names rows whose id is blank (1 = first data row). */
export function essayRowToInput(
  row: Readonly<Record<string, string>>,
  index: number,
  module: Module,
): RowResult<WritingInput> {
  const parsed = essayRowSchema.safeParse(row);
  const id = row.id?.trim() || `row ${index}`;
  if (!parsed.success) return { ok: false, id, error: messages(parsed.error) };
  const { task, prompt, essay } = parsed.data;
  return { ok: true, id, value: { task, module, prompt, response: essay } };
}

/** The human band in an evaluation row. */
export function bandColumn(row: Readonly<Record<string, string>>): number | string {
  const parsed = bandColumnSchema.safeParse(row.band);
  return parsed.success ? parsed.data : messages(parsed.error);
}

export interface ScoredPair {
  task: 1 | 2;
  truth: number;
  predicted: number;
}

export interface Agreement {
  n: number;
  meanAbsoluteError: number;
  /** Share 0-1 of predictions within half a band of the human band. */
  withinHalfBand: number;
  /** Share 0-1 within one band. */
  withinOneBand: number;
  /** Quadratic weighted kappa with bands x 2 as integer classes. */
  quadraticWeightedKappa: number;
  /** Mean of the predictions and of the human bands: a scorer that drifts shows here. */
  meanPredicted: number;
  meanTruth: number;
  /** Standard deviations: a scorer that squeezes everything to the middle shows here. */
  sdPredicted: number;
  sdTruth: number;
  /** Rows are true bands, columns predicted bands. */
  confusion: ConfusionTable;
}

function mean(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

function sd(values: readonly number[]): number {
  const m = mean(values);
  return Math.sqrt(mean(values.map((v) => (v - m) ** 2)));
}

function agreement(pairs: readonly ScoredPair[]): Agreement {
  const truth = pairs.map((p) => p.truth);
  const predicted = pairs.map((p) => p.predicted);
  return {
    n: pairs.length,
    meanAbsoluteError: meanAbsoluteError(truth, predicted),
    withinHalfBand: withinHalfBand(truth, predicted),
    withinOneBand: withinOneBand(truth, predicted),
    quadraticWeightedKappa: quadraticWeightedKappa(truth, predicted),
    meanPredicted: mean(predicted),
    meanTruth: mean(truth),
    sdPredicted: sd(predicted),
    sdTruth: sd(truth),
    confusion: confusionTable(truth, predicted),
  };
}

/** Agreement for Task 1, Task 2 and all rows together; groups without rows are left out. */
export function agreementByTask(
  pairs: readonly ScoredPair[],
): Partial<Record<"task1" | "task2" | "all", Agreement>> {
  const out: Partial<Record<"task1" | "task2" | "all", Agreement>> = {};
  const task1 = pairs.filter((p) => p.task === 1);
  const task2 = pairs.filter((p) => p.task === 2);
  if (task1.length) out.task1 = agreement(task1);
  if (task2.length) out.task2 = agreement(task2);
  if (pairs.length) out.all = agreement(pairs);
  return out;
}
