import type { Token } from "../nlp";

/** Verbs whose past tense is their base form: "it cost a lot" is not an agreement error. */
export const SAME_PAST: ReadonlySet<string> = new Set([
  "bet",
  "broadcast",
  "burst",
  "cast",
  "cost",
  "cut",
  "fit",
  "hit",
  "hurt",
  "let",
  "put",
  "quit",
  "read",
  "set",
  "shed",
  "shut",
  "split",
  "spread",
  "upset",
]);

/** A present-tense verb with no ending: "give", not "gives", "gave" or "cut" (also a past). */
export const isBareVerb = (verb: Token): boolean =>
  verb.pos === "VERB" &&
  verb.lower === verb.lemma &&
  /^[a-z]+$/.test(verb.lower) &&
  !verb.lower.endsWith("s") &&
  // wink leaves unknown past forms ("upskilled") as their own lemma.
  !(verb.lower.endsWith("ed") && !verb.lower.endsWith("eed")) &&
  !SAME_PAST.has(verb.lower) &&
  verb.lower !== "need" &&
  verb.lower !== "dare";

/**
 * What follows a verb that governs the rest of the clause. A noun followed by a word tagged as a
 * verb and then the end of the sentence is as likely a compound noun ("the car park").
 */
export const startsPredicate = (next: Token | undefined): boolean =>
  next !== undefined &&
  ["DET", "NOUN", "PRON", "PROPN", "ADP", "ADV", "PART", "ADJ", "NUM", "SCONJ"].includes(next.pos);

export function thirdPerson(base: string): string {
  if (base === "have") return "has";
  if (base === "go" || base === "do") return `${base}es`;
  if (/(s|x|z|ch|sh)$/.test(base)) return `${base}es`;
  if (/[^aeiou]y$/.test(base)) return `${base.slice(0, -1)}ies`;
  return `${base}s`;
}

export const isThirdPersonForm = (t: Token): boolean =>
  t.lower !== t.lemma && /^[a-z]+s$/.test(t.lower) && thirdPerson(t.lemma) === t.lower;
