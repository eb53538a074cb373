import { frequencyTier, type FrequencyTier } from "./frequency";
import type { LexicalStats, RepeatedWord, WordToken } from "./types";

const MTLD_THRESHOLD = 0.72;

function mtldPass(words: readonly string[]): number {
  let factors = 0;
  let types = new Set<string>();
  let count = 0;
  for (const w of words) {
    types.add(w);
    count++;
    if (types.size / count <= MTLD_THRESHOLD) {
      factors++;
      types = new Set();
      count = 0;
    }
  }
  if (count > 0) factors += (1 - types.size / count) / (1 - MTLD_THRESHOLD);
  return factors === 0 ? words.length : words.length / factors;
}

/** MTLD (McCarthy and Jarvis 2010): mean of a forward and a backward pass. */
export function mtld(words: readonly string[]): number {
  if (words.length === 0) return 0;
  return (mtldPass(words) + mtldPass([...words].reverse())) / 2;
}

const CONTENT_POS = new Set(["NOUN", "VERB", "ADJ", "ADV"]);

export const isContentWord = (w: WordToken): boolean =>
  CONTENT_POS.has(w.pos) && !w.isStopWord && /^\p{L}+(-\p{L}+)*$/u.test(w.text);

export function lexicalStats(
  words: readonly WordToken[],
  tiers: Map<string, FrequencyTier>,
  isKnown: (word: string) => boolean,
): LexicalStats {
  const lowers = words.map((w) => w.lower);
  const content = words.filter(isContentWord);
  let lessFrequent = 0;
  let rare = 0;
  for (const w of content) {
    const tier = frequencyTier(tiers, w.lower, w.lemma);
    if (tier >= 3) lessFrequent++;
    if (tier === 4 && isKnown(w.text)) rare++;
  }
  const known = words.filter((w) => isKnown(w.text)).length;
  const lemmas = new Set(words.map((w) => w.lemma));
  const n = Math.max(1, words.length);
  const nc = Math.max(1, content.length);
  return {
    mtld: mtld(lowers),
    lemmaTypeTokenRatio: lemmas.size / n,
    lessFrequentShare: lessFrequent / nc,
    rareShare: rare / nc,
    meanWordLength: words.reduce((s, w) => s + w.text.length, 0) / n,
    knownWordShare: known / n,
    stopWordShare: words.filter((w) => w.isStopWord).length / n,
  };
}

/** Content lemmas a reader would notice as repeated: at least 4 uses and over 1.5% of words. */
export function repeatedWords(words: readonly WordToken[]): RepeatedWord[] {
  const counts = new Map<string, number>();
  words.forEach((w, i) => {
    // wink tags a capitalised noun that opens a sentence ("Money is ...") as a proper noun.
    const opensSentence = i === 0 || words[i - 1]?.sentence !== w.sentence;
    const proper = w.pos === "PROPN" && opensSentence && !w.isStopWord;
    if (!isContentWord(w) && !proper) return;
    const lemma = proper ? w.lower : w.lemma;
    counts.set(lemma, (counts.get(lemma) ?? 0) + 1);
  });
  const min = Math.max(4, Math.ceil(words.length * 0.015));
  return [...counts]
    .filter(([, c]) => c >= min)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([word, count]) => ({ word, count }));
}
