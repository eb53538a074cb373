import type { Token } from "../nlp";
import type { Detector, Finding, Sentence } from "./types";
import {
  SAME_PAST,
  isBareVerb,
  isThirdPersonForm,
  startsPredicate,
  thirdPerson,
} from "./verb-forms";
import { MODALS, POSSESSIVE, isPluralNoun, isSingularNoun, matchCase, quote } from "./words";

const NUMBER_WORDS: ReadonlySet<string> = new Set([
  "many",
  "several",
  "numerous",
  "various",
  "two",
  "three",
  "four",
  "five",
  "six",
  "seven",
  "eight",
  "nine",
  "ten",
]);

/** The form a singular subject needs, keyed by the plural form used. */
const TO_SINGULAR: Readonly<Record<string, string>> = { are: "is", have: "has", do: "does" };
/** The form a plural subject needs, keyed by the singular form used. */
const TO_PLURAL: Readonly<Record<string, string>> = {
  is: "are",
  was: "were",
  has: "have",
  does: "do",
};
const FOR_I: Readonly<Record<string, string>> = { is: "am", are: "am", has: "have", does: "do" };

/**
 * Singular nouns that British English lets take a plural verb ("the government have decided",
 * "my family live abroad"): agreement after them is never marked.
 */
const COLLECTIVE: ReadonlySet<string> = new Set([
  "army",
  "audience",
  "board",
  "class",
  "club",
  "committee",
  "community",
  "company",
  "council",
  "couple",
  "crew",
  "crowd",
  "family",
  "generation",
  "government",
  "group",
  "jury",
  "majority",
  "minority",
  "orchestra",
  "panel",
  "parliament",
  "population",
  "public",
  "team",
  "union",
]);

/** Third-person singular subjects that take "has", "does", "is". */
const SINGULAR_SUBJECTS: ReadonlySet<string> = new Set([
  "he",
  "she",
  "it",
  "everyone",
  "everybody",
  "someone",
  "somebody",
  "nobody",
]);
/** Pronouns that are also objects ("tell you", "make it"), so a verb before them means no subject. */
const OBJECT_FORM_TOO: ReadonlySet<string> = new Set([
  "it",
  "you",
  "everyone",
  "everybody",
  "someone",
  "somebody",
  "nobody",
]);

/** Words that can sit before a head noun inside its noun phrase. */
const isNounPhraseWord = (t: Token): boolean =>
  t.pos === "DET" ||
  t.pos === "ADJ" ||
  t.pos === "NUM" ||
  (t.pos === "PRON" && POSSESSIVE.test(t.lower));

/**
 * True when the noun at index i starts its clause's subject: walking back over determiners
 * and adjectives reaches the sentence start, a comma or a conjunction. Anything else ("the
 * number of people", "what worries parents") means the noun may not be the subject.
 */
function startsSubject(tokens: readonly Token[], i: number): boolean {
  let j = i - 1;
  while (j >= 0 && isNounPhraseWord(tokens[j] as Token)) j--;
  if (j < 0) return true;
  const before = tokens[j] as Token;
  // A sentence-opening adverb ("Nowadays people ...") leaves the subject in place.
  if (j === 0 && before.pos === "ADV") return true;
  return (
    before.pos === "CCONJ" ||
    (before.pos === "SCONJ" && before.lower !== "than") ||
    (before.pos === "PUNCT" && /^[,;:]$/.test(before.text))
  );
}

/**
 * True when the noun at index i heads a subject that is one thing: its phrase opens the sentence
 * or a clause after a conjunction such as "because" or "if", and nothing earlier in the clause
 * joins it to another noun ("salt, sugar and fat are").
 */
function soleSubject(tokens: readonly Token[], i: number): boolean {
  let j = i - 1;
  while (j >= 0 && isNounPhraseWord(tokens[j] as Token)) j--;
  if (j < 0) return true;
  const before = tokens[j] as Token;
  if (before.pos === "SCONJ") return !/^(than|that|as)$/.test(before.lower);
  // "However, ..." and "In most countries, ...": a comma that closes an opening phrase, with no
  // list or conjunction in that phrase.
  if (before.text !== ",") return false;
  return tokens
    .slice(0, j)
    .every((t) => t.pos !== "CCONJ" && t.text !== "," && t.pos !== "VERB" && t.pos !== "AUX");
}

function findAgreement({ tokens, known }: Sentence): Finding[] {
  const out: Finding[] = [];
  for (let i = 0; i + 1 < tokens.length; i++) {
    const subject = tokens[i] as Token;
    const verb = tokens[i + 1] as Token;
    const prev = tokens[i - 1];
    const after = tokens[i + 2];
    if (verb.pos !== "AUX" && verb.pos !== "VERB") continue;
    const add = (suggestion: string, why: string) =>
      out.push({
        start: verb.start,
        end: verb.end,
        message: `${why}: write ${quote(`${subject.text} ${suggestion}`)}.`,
        suggestion: matchCase(verb.text, suggestion),
        rule: "learner/subject-verb-agreement",
      });
    // An auxiliary before the pronoun is a question or inversion ("Does he have ...?").
    const inverted = prev !== undefined && (prev.pos === "AUX" || MODALS.has(prev.lower));
    const objectPosition =
      prev !== undefined &&
      OBJECT_FORM_TOO.has(subject.lower) &&
      (prev.pos === "VERB" || prev.pos === "ADP" || prev.pos === "AUX");
    // "you and he have" has a plural subject; "..., and he have" starts a new clause.
    const beforePrev = tokens[i - 2];
    const coordinated =
      prev !== undefined &&
      (prev.lower === "and" || prev.lower === "or") &&
      beforePrev !== undefined &&
      (beforePrev.pos === "PRON" || beforePrev.pos === "PROPN");
    if (subject.pos === "PRON" && !inverted && !objectPosition && !coordinated) {
      const who = subject.lower;
      if (who === "there") {
        const next = after;
        if ((verb.lower === "is" || verb.lower === "was") && next !== undefined) {
          const plural = NUMBER_WORDS.has(next.lower) || isPluralNoun(next);
          if (plural) {
            add(
              TO_PLURAL[verb.lower] as string,
              `With a plural noun after it, ${quote("there")} takes a plural verb`,
            );
          }
        }
        continue;
      }
      if (SINGULAR_SUBJECTS.has(who)) {
        const fix = TO_SINGULAR[verb.lower];
        if (fix !== undefined) {
          add(fix, `${quote(subject.text)} needs the singular verb`);
        } else if (
          // "it go" is usually "let it go"; "that he go" may be a subjunctive; "he need not".
          who !== "it" &&
          prev?.lower !== "that" &&
          verb.lower !== "need" &&
          verb.lower !== "dare" &&
          verb.pos === "VERB" &&
          verb.lower === verb.lemma &&
          !SAME_PAST.has(verb.lower) &&
          /^[a-z]+$/.test(verb.lower) &&
          !verb.lower.endsWith("s")
        ) {
          add(thirdPerson(verb.lower), `${quote(subject.text)} needs the -s form of the verb`);
        }
        continue;
      }
      if (who === "i") {
        const fix = FOR_I[verb.lower];
        if (fix !== undefined) add(fix, `${quote("I")} takes ${quote(fix)}`);
        continue;
      }
      if (who === "they" || who === "we" || who === "you") {
        const fix = TO_PLURAL[verb.lower];
        if (fix !== undefined) {
          add(fix, `${quote(subject.text)} needs the plural verb`);
        } else if (verb.pos === "VERB" && isThirdPersonForm(verb)) {
          add(verb.lemma, `${quote(subject.text)} takes the verb without -s`);
        }
      }
      continue;
    }
    if (isPluralNoun(subject) && startsSubject(tokens, i)) {
      const fix = verb.lower === "was" ? undefined : TO_PLURAL[verb.lower];
      // "was" after a plural noun is left alone: "The people was" is rare, "the news was" common.
      if (fix !== undefined)
        add(fix, `${quote(subject.text)} is plural, so it needs a plural verb`);
      continue;
    }
    if (
      isSingularNoun(subject) &&
      // "others", "analysis", "bus": too many words in -s are plurals wink reads as singular.
      !subject.lower.endsWith("s") &&
      subject.lower.length > 2 &&
      known(subject.lower) &&
      // "Given are two figures": a participle opening an inverted sentence.
      !(i === 0 && /(ed|en)$/.test(subject.lower)) &&
      !COLLECTIVE.has(subject.lower) &&
      soleSubject(tokens, i)
    ) {
      const fix = TO_SINGULAR[verb.lower];
      if (fix !== undefined) {
        add(fix, `${quote(subject.text)} is singular, so it needs a singular verb`);
      } else if (isBareVerb(verb) && known(verb.lower) && startsPredicate(after)) {
        add(
          thirdPerson(verb.lower),
          `${quote(subject.text)} is singular, so the verb needs its -s form`,
        );
      }
    }
  }
  return out;
}

/** Subject-verb agreement: "people is", "the graph describe", "he have", "there is many". */
export const agreement: Detector = { modes: ["writing", "speech"], find: findAgreement };
