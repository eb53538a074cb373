import * as z from "zod";
import {
  TEST_FORMS,
  bandFromRaw,
  overallBand,
  speakingBand,
  writingBand,
  type TestForm,
} from "../scoring/bands";
import { UsageError, type CliIo } from "./io";

const numberArg = (label: string) =>
  z
    .string({ error: `${label} is missing.` })
    .regex(/^\d+(\.\d+)?$/, { error: `${label} must be a number, e.g. 6.5.` })
    .transform(Number);

const bandArgs = z.discriminatedUnion("kind", [
  z.object({
    kind: z.enum(TEST_FORMS),
    values: z.tuple([numberArg("The raw score")]),
  }),
  z.object({
    kind: z.literal("overall"),
    values: z.tuple([
      numberArg("Listening"),
      numberArg("Reading"),
      numberArg("Writing"),
      numberArg("Speaking"),
    ]),
  }),
  z.object({
    kind: z.literal("writing"),
    values: z.tuple([numberArg("Task 1"), numberArg("Task 2")]),
  }),
  z.object({
    kind: z.literal("speaking"),
    values: z.tuple(
      [
        numberArg("Fluency and Coherence"),
        numberArg("Lexical Resource"),
        numberArg("Grammatical Range and Accuracy"),
      ],
      numberArg("Pronunciation"),
    ),
  }),
]);

const ARGUMENTS: Record<string, { names: string; min: number; max: number }> = {
  listening: { names: "RAW", min: 1, max: 1 },
  "reading-academic": { names: "RAW", min: 1, max: 1 },
  "reading-general": { names: "RAW", min: 1, max: 1 },
  overall: { names: "L R W S", min: 4, max: 4 },
  writing: { names: "T1 T2", min: 2, max: 2 },
  speaking: { names: "FC LR GRA [P]", min: 3, max: 4 },
};
const KINDS = Object.keys(ARGUMENTS);

/** `ielts band <kind> <numbers...>`: prints one band. Range errors from src/scoring are usage errors. */
export function bandCommand(args: readonly string[], io: CliIo): void {
  const [kind, ...values] = args;
  if (!kind || !Object.hasOwn(ARGUMENTS, kind)) {
    throw new UsageError(
      `Usage: ielts band <${KINDS.join("|")}> <numbers...>${kind ? ` (unknown "${kind}")` : ""}`,
    );
  }
  const expected = ARGUMENTS[kind]!;
  if (values.length < expected.min || values.length > expected.max) {
    throw new UsageError(`Usage: ielts band ${kind} ${expected.names}`);
  }
  const parsed = bandArgs.safeParse({ kind, values });
  if (!parsed.success) {
    throw new UsageError(parsed.error.issues[0]?.message ?? "Invalid arguments.");
  }
  const band = compute(parsed.data);
  io.stdout(`${band.value}\n`);
  if (band.note) io.stderr(`${band.note}\n`);
}

function compute(input: z.infer<typeof bandArgs>): { value: number; note?: string } {
  try {
    switch (input.kind) {
      case "overall":
        return { value: overallBand(...input.values) };
      case "writing":
        return { value: writingBand(...input.values) };
      case "speaking": {
        const [fc, lr, gra, p] = input.values;
        const result = speakingBand(fc, lr, gra, p);
        return { value: result.band, note: result.note || undefined };
      }
      default:
        return { value: bandFromRaw(input.kind satisfies TestForm, input.values[0]) };
    }
  } catch (error) {
    if (error instanceof RangeError) throw new UsageError(error.message);
    throw error;
  }
}
