import type { WordToken } from "./types";
import { isContentWord } from "./lexical";

/**
 * CEFR levels of English words (data/cefr-levels.json: the CEFR-J Wordlist and Octanove's C1/C2
 * profile; attribution in data/CEFR-LICENSE.md). The levels describe learners everywhere, so a
 * profile built on them means the same on any essay, unlike word counts from one corpus.
 */
export type CefrLevel = "A1" | "A2" | "B1" | "B2" | "C1" | "C2";

const LEVELS: readonly CefrLevel[] = ["A1", "A2", "B1", "B2", "C1", "C2"];

let levelsPromise: Promise<Map<string, CefrLevel>> | undefined;

export function loadCefrLevels(): Promise<Map<string, CefrLevel>> {
  levelsPromise ??= import("./data/cefr-levels.json").then((mod) => {
    type Data = { levels: Partial<Record<CefrLevel, string[]>> };
    const data = (mod as { default?: Data }).default ?? (mod as unknown as Data);
    const map = new Map<string, CefrLevel>();
    for (const level of LEVELS) for (const word of data.levels[level] ?? []) map.set(word, level);
    return map;
  });
  return levelsPromise;
}

export interface CefrProfile {
  /** Content words found in the list, by level. */
  counts: Record<CefrLevel, number>;
  /** Share of listed content words at B2 or above. */
  upperShare: number;
  /** Distinct words at C1 or C2, by lemma, for feedback. */
  advanced: string[];
}

export function cefrProfile(
  words: readonly WordToken[],
  levels: ReadonlyMap<string, CefrLevel>,
): CefrProfile {
  const counts = Object.fromEntries(LEVELS.map((l) => [l, 0])) as Record<CefrLevel, number>;
  const advanced = new Set<string>();
  let listed = 0;
  for (const w of words.filter(isContentWord)) {
    const level = levels.get(w.lower) ?? levels.get(w.lemma);
    if (!level) continue;
    listed++;
    counts[level]++;
    if (level === "C1" || level === "C2") advanced.add(w.lemma);
  }
  const upper = counts.B2 + counts.C1 + counts.C2;
  return { counts, upperShare: listed === 0 ? 0 : upper / listed, advanced: [...advanced] };
}
