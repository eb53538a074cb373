import type { Token } from "../nlp";

/** Word lists and token tests that more than one detector family needs. */

/** Each token with the one after it, for rules about two words in a row, and their neighbours. */
export function* wordPairs(tokens: readonly Token[]) {
  for (let i = 0; i + 1 < tokens.length; i++) {
    yield {
      first: tokens[i] as Token,
      second: tokens[i + 1] as Token,
      prev: tokens[i - 1],
      next: tokens[i + 2],
    };
  }
}

export const MODALS: ReadonlySet<string> = new Set([
  "can",
  "ca", // can't
  "could",
  "may",
  "might",
  "must",
  "shall",
  "should",
  "will",
  "wo", // won't
  "would",
]);

const IRREGULAR_PLURALS: ReadonlySet<string> = new Set([
  "people",
  "children",
  "men",
  "women",
  "teeth",
  "feet",
  "mice",
]);

/** Nouns in -s that are singular, or nouns whose singular and plural look alike. */
const NUMBER_AMBIGUOUS: ReadonlySet<string> = new Set([
  "news",
  "means",
  "series",
  "species",
  "economics",
  "mathematics",
  "maths",
  "physics",
  "politics",
  "statistics",
  "ethics",
  "athletics",
  "gymnastics",
  "data",
  "media",
  "criteria",
  "staff",
  "police",
  "cattle",
  "fish",
  "sheep",
  "deer",
  "aircraft",
  "offspring",
  "personnel",
  "youth",
  "crossroads",
  "headquarters",
  "premises",
]);

export const POSSESSIVE = /^(my|your|his|her|its|our|their)$/;

export const quote = (s: string) => `\u201C${s}\u201D`;

/** Keeps a leading capital when the replacement starts a sentence. */
export function matchCase(original: string, replacement: string): string {
  const first = original.charAt(0);
  return first !== first.toLowerCase()
    ? replacement.charAt(0).toUpperCase() + replacement.slice(1)
    : replacement;
}

export const isPluralNoun = (t: Token): boolean =>
  t.pos === "NOUN" &&
  !NUMBER_AMBIGUOUS.has(t.lower) &&
  (IRREGULAR_PLURALS.has(t.lower) || (t.lower.endsWith("s") && t.lemma !== t.lower));

export const isSingularNoun = (t: Token): boolean =>
  t.pos === "NOUN" &&
  !NUMBER_AMBIGUOUS.has(t.lower) &&
  !IRREGULAR_PLURALS.has(t.lower) &&
  // wink reads "these will destroy" as determiner + noun.
  !MODALS.has(t.lower) &&
  t.lemma === t.lower &&
  /^\p{L}+$/u.test(t.lower);
