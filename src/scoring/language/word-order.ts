import type { WordToken } from "./types";

let pairsPromise: Promise<Set<string>> | undefined;

/**
 * Pairs of adjacent function words ("of the", "it is", "to be") seen at least twice in 753
 * human-written IELTS responses; written by scripts/fit-writing-model.ts, no essay text kept.
 * English strings function words together in few ways, so shuffled words produce pairs that
 * are rarely on this list.
 */
export function loadFunctionPairs(): Promise<Set<string>> {
  pairsPromise ??= import("./data/function-pairs.json").then((mod) => {
    const data = (mod as { default?: { pairs: string[] } }).default ?? (mod as { pairs: string[] });
    return new Set(data.pairs);
  });
  return pairsPromise;
}

/** Adjacent function-word pairs within a sentence, as "first second". */
export function functionPairs(words: readonly WordToken[]): string[] {
  const out: string[] = [];
  for (let i = 1; i < words.length; i++) {
    const a = words[i - 1] as WordToken;
    const b = words[i] as WordToken;
    if (a.isStopWord && b.isStopWord && a.sentence === b.sentence && b.start - a.end <= 1) {
      out.push(`${a.lower} ${b.lower}`);
    }
  }
  return out;
}

/** Share of function-word pairs English rarely produces; 0 when there are too few to judge. */
export function unexpectedPairShare(words: readonly WordToken[], known: Set<string>): number {
  const pairs = functionPairs(words);
  if (pairs.length < 8) return 0;
  return pairs.filter((p) => !known.has(p)).length / pairs.length;
}
