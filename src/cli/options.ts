import { parseArgs } from "node:util";
import type * as z from "zod";
import { UsageError } from "./io";

/** Parses `--name value` options for one command and validates them with a zod schema. */
export function parseOptions<S extends z.ZodType>(
  command: string,
  args: readonly string[],
  options: Record<string, { type: "string" | "boolean" }>,
  schema: S,
): z.infer<S> {
  let values: Record<string, unknown>;
  try {
    ({ values } = parseArgs({ args: [...args], options, strict: true, allowPositionals: false }));
  } catch (error) {
    throw new UsageError(`${command}: ${(error as Error).message}. Run "ielts --help".`);
  }
  const parsed = schema.safeParse(values);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? `--${issue.path.join(".")}: ` : "";
    throw new UsageError(`${command}: ${where}${issue?.message ?? "invalid options"}`);
  }
  return parsed.data;
}

export async function readInput(
  read: (path: string) => Promise<string>,
  path: string,
  what: string,
): Promise<string> {
  try {
    return await read(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`Cannot read ${what} "${path}"${code ? ` (${code})` : ""}.`);
  }
}
