import * as z from "zod";
import bandTablesJson from "./data/band-tables.json";

export const TEST_FORMS = ["listening", "reading-academic", "reading-general"] as const;
export type TestForm = (typeof TEST_FORMS)[number];

export const MAX_RAW = 40;

const tableSchema = z
  .array(z.object({ minRaw: z.number().int().min(0).max(MAX_RAW), band: z.number() }))
  .min(1);
const bandTablesSchema = z.object({
  notes: z.array(z.string()),
  tables: z.object({
    listening: tableSchema,
    "reading-academic": tableSchema,
    "reading-general": tableSchema,
  }),
});

/** Lookup arrays indexed by raw score, built once so each call is O(1). */
const lookups: Record<TestForm, readonly number[]> = buildLookups(
  bandTablesSchema.parse(bandTablesJson),
);

function buildLookups(data: z.infer<typeof bandTablesSchema>): Record<TestForm, number[]> {
  const out = {} as Record<TestForm, number[]>;
  for (const form of TEST_FORMS) {
    const rows = [...data.tables[form]].sort((a, b) => b.minRaw - a.minRaw);
    const bands: number[] = [];
    for (let raw = 0; raw <= MAX_RAW; raw++) {
      const row = rows.find((r) => raw >= r.minRaw);
      // A gap in the data file would otherwise surface as a wrong band much later.
      if (!row || !isHalfBand(row.band)) {
        throw new Error(`band-tables.json: ${form} has no valid band for raw score ${raw}`);
      }
      bands.push(row.band);
    }
    out[form] = bands;
  }
  return out;
}

/** True for 0, 0.5, 1, ... 9: the only values a reported IELTS band can take. */
export function isHalfBand(value: number): boolean {
  return Number.isFinite(value) && value >= 0 && value <= 9 && Number.isInteger(value * 2);
}

/**
 * The official rounding of a mean to a reported band: .25 goes up to the next half band and
 * .75 up to the next whole band (6.25 -> 6.5, 6.125 -> 6.0, 3.875 -> 4.0, 6.75 -> 7.0),
 * i.e. floor(avg * 2 + 0.5) / 2. The epsilon keeps a mean that should be exactly .25 or .75
 * but came out of floating-point division a hair below it from rounding down. Results are
 * clamped to 0-9 so that a model's raw prediction can be passed straight in.
 */
export function roundToHalfBand(avg: number): number {
  if (!Number.isFinite(avg)) throw new RangeError(`Cannot round ${avg} to a band.`);
  const rounded = Math.floor(avg * 2 + 0.5 + 1e-9) / 2;
  return Math.min(9, Math.max(0, rounded));
}

/** Band for a raw Listening or Reading score (number correct out of 40). */
export function bandFromRaw(form: TestForm, raw: number): number {
  if (!TEST_FORMS.includes(form)) {
    throw new RangeError(`Unknown test form "${form}"; use one of ${TEST_FORMS.join(", ")}.`);
  }
  if (!Number.isInteger(raw) || raw < 0 || raw > MAX_RAW) {
    throw new RangeError(`A raw score is a whole number from 0 to ${MAX_RAW}; got ${raw}.`);
  }
  return lookups[form][raw] as number;
}

function assertBands(label: string, values: readonly number[]): void {
  for (const v of values) {
    if (!isHalfBand(v)) {
      throw new RangeError(`${label} must be bands from 0 to 9 in half steps; got ${v}.`);
    }
  }
}

function mean(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

/** Overall band: the mean of the four skill bands, rounded the official way. */
export function overallBand(
  listening: number,
  reading: number,
  writing: number,
  speaking: number,
): number {
  const skills = [listening, reading, writing, speaking];
  assertBands("Listening, Reading, Writing and Speaking", skills);
  return roundToHalfBand(mean(skills));
}

/**
 * Band for one task (Writing Task 1 or 2, or Speaking) from its equally weighted criteria.
 * The test owners do not publish how criteria combine into a task band; we use the same
 * mean-and-round rule as the overall band.
 */
export function taskBand(criteria: readonly number[]): number {
  if (criteria.length === 0) throw new RangeError("A task band needs at least one criterion.");
  assertBands("Criterion scores", criteria);
  return roundToHalfBand(mean(criteria));
}

/**
 * Writing band from the two task bands as (T1 + 2 x T2) / 3, rounded like the overall band.
 * This is an approximation: Task 2 is known to count twice as much as Task 1, but the test
 * owners do not publish the exact combination. The product must say so where it shows it.
 */
export function writingBand(task1: number, task2: number): number {
  assertBands("Task bands", [task1, task2]);
  return roundToHalfBand((task1 + 2 * task2) / 3);
}

export interface SpeakingBand {
  band: number;
  /** False when no pronunciation score was given: the band is then the mean of three criteria. */
  pronunciationAssessed: boolean;
  /** Plain-words explanation for the UI; empty when all four criteria were assessed. */
  note: string;
}

/**
 * Speaking band from its four equally weighted criteria. Pronunciation is optional because
 * a transcript alone carries no evidence of it: rather than invent a score, the band is then
 * the mean of the other three and the result says pronunciation was not assessed.
 */
export function speakingBand(
  fluencyCoherence: number,
  lexicalResource: number,
  grammar: number,
  pronunciation?: number | null,
): SpeakingBand {
  const criteria = [fluencyCoherence, lexicalResource, grammar];
  const assessed = pronunciation !== undefined && pronunciation !== null;
  if (assessed) criteria.push(pronunciation);
  assertBands("Speaking criteria", criteria);
  return {
    band: roundToHalfBand(mean(criteria)),
    pronunciationAssessed: assessed,
    note: assessed
      ? ""
      : "Pronunciation was not assessed; this band is the mean of Fluency and Coherence, Lexical Resource and Grammatical Range and Accuracy.",
  };
}
