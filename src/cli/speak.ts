import * as z from "zod";
import { scoreSpeaking, speakingInputSchema } from "../scoring/speaking";
import { UsageError, type CliIo } from "./io";
import { parseOptions, readInput } from "./options";

const speakOptions = z.object({
  transcript: z.string({ error: "a transcript file path is required" }),
  timings: z.string().optional(),
  part: z
    .enum(["1", "2", "3"], { error: "must be 1, 2 or 3" })
    .transform((p) => Number(p) as 1 | 2 | 3)
    .optional(),
});

/** `ielts speak --transcript FILE [--timings FILE] [--part N]`: the result as JSON. */
export async function speakCommand(args: readonly string[], io: CliIo): Promise<void> {
  const options = parseOptions(
    "speak",
    args,
    { transcript: { type: "string" }, timings: { type: "string" }, part: { type: "string" } },
    speakOptions,
  );
  const transcript = await readInput(io.readFile, options.transcript, "the transcript");
  let timings: unknown;
  if (options.timings) {
    const text = await readInput(io.readFile, options.timings, "the timings file");
    try {
      timings = JSON.parse(text);
    } catch {
      throw new UsageError(`${options.timings}: not valid JSON.`);
    }
  }
  const input = speakingInputSchema.safeParse({ transcript, part: options.part, timings });
  if (!input.success) {
    const issue = input.error.issues[0];
    throw new UsageError(
      `${issue?.path.join(".") || "input"}: ${issue?.message ?? "invalid input"}`,
    );
  }
  const result = await scoreSpeaking(input.data);
  io.stdout(`${JSON.stringify(result, null, 2)}\n`);
}
