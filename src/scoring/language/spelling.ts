import type { SpellingVariety } from "./types";

interface Checker {
  correct(word: string): boolean;
}
export interface Dictionaries {
  british: Checker;
  american: Checker;
}

/** In the Oxford and Cambridge dictionaries as British spellings, missing from Hunspell's list. */
const BRITISH_EXTRA = ["wellbeing"];

let dictionariesPromise: Promise<Dictionaries> | undefined;

/** Both Hunspell dictionaries load once (~400 ms); IELTS accepts either spelling. */
export function loadDictionaries(): Promise<Dictionaries> {
  dictionariesPromise ??= (async () => {
    const [{ default: nspell }, { default: gb }, { default: us }] = await Promise.all([
      import("nspell"),
      import("dictionary-en-gb"),
      import("dictionary-en"),
    ]);
    // The dictionaries are Uint8Arrays at run time; nspell's typings only name Buffer.
    const load = (d: { aff: Uint8Array; dic: Uint8Array }) =>
      nspell(Buffer.from(d.aff), Buffer.from(d.dic));
    const british = load(gb);
    for (const word of BRITISH_EXTRA) british.add(word);
    return { british, american: load(us) };
  })();
  return dictionariesPromise;
}

const normalise = (word: string): string => word.replace(/’/g, "'");

export function isKnownWord(dicts: Dictionaries, word: string): boolean {
  const w = normalise(word);
  return dicts.british.correct(w) || dicts.american.correct(w);
}

/**
 * Which spelling convention the writer follows. A word counts as British (American) when only
 * the British (American) dictionary accepts it; using both kinds in one text is inconsistent.
 */
export function spellingVariety(dicts: Dictionaries, words: readonly string[]): SpellingVariety {
  const british = new Set<string>();
  const american = new Set<string>();
  for (const raw of words) {
    if (!/^\p{Ll}+$/u.test(raw)) continue;
    const gb = dicts.british.correct(raw);
    const us = dicts.american.correct(raw);
    if (gb && !us) british.add(raw);
    else if (us && !gb) american.add(raw);
  }
  return {
    british: [...british],
    american: [...american],
    mixed: british.size > 0 && american.size > 0,
  };
}
