/**
 * Word commonness from SCOWL size levels (see data/word-frequency.json for source and licence):
 * tier 1 is about the 4,000 most common word forms, tier 2 the next 7,000, tier 3 the next
 * 34,000. Anything else is rare, or misspelled.
 */
export type FrequencyTier = 1 | 2 | 3 | 4;

let tiersPromise: Promise<Map<string, FrequencyTier>> | undefined;

export function loadFrequencyTiers(): Promise<Map<string, FrequencyTier>> {
  tiersPromise ??= import("./data/word-frequency.json").then((mod) => {
    const data = (mod as { default?: { tiers: string[] } }).default ?? (mod as { tiers: string[] });
    const map = new Map<string, FrequencyTier>();
    data.tiers.forEach((list, i) => {
      for (const word of list.split(" ")) map.set(word, (i + 1) as FrequencyTier);
    });
    return map;
  });
  return tiersPromise;
}

export function frequencyTier(
  tiers: Map<string, FrequencyTier>,
  word: string,
  lemma: string,
): FrequencyTier {
  return tiers.get(word) ?? tiers.get(lemma) ?? 4;
}
