import type { WritingScore } from "./types";

/** One piece of advice on the result page, under its criterion. */
export type Point = WritingScore["feedback"]["points"][number];

export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** "A", "A and B", "A, B and C", each in quotation marks. */
export function listed(items: readonly string[]): string {
  const quoted = items.map((i) => `"${i}"`);
  return quoted.length <= 1
    ? (quoted[0] ?? "")
    : `${quoted.slice(0, -1).join(", ")} and ${quoted.at(-1)}`;
}
