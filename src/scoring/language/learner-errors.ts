import type { ParsedText, Token } from "./nlp";
import type { AnalysisMode, LanguageIssue } from "./types";

/**
 * Rule-based detectors for errors typical of English learners, which harper.js (written for
 * fluent writers) mostly misses. Each rule looks only at adjacent tokens and their wink-nlp
 * part of speech and lemma, and gives up whenever the context is ambiguous: a missed error
 * costs less than marking a correct sentence.
 */

type Finding = Omit<LanguageIssue, "kind" | "source">;

const MODALS: ReadonlySet<string> = new Set([
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

const UNCOUNTABLE: Readonly<Record<string, string>> = {
  informations: "information",
  advices: "advice",
  knowledges: "knowledge",
  equipments: "equipment",
  furnitures: "furniture",
  homeworks: "homework",
  evidences: "evidence",
  researches: "research",
  feedbacks: "feedback",
  luggages: "luggage",
};

/** Words that are also verbs in -s: only a noun reading counts. */
const VERB_HOMOGRAPHS: ReadonlySet<string> = new Set(["researches", "evidences"]);

/** Verbs whose past tense is their base form: "it cost a lot" is not an agreement error. */
const SAME_PAST: ReadonlySet<string> = new Set([
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

const quote = (s: string) => `\u201C${s}\u201D`;

/** Keeps a leading capital when the replacement starts a sentence. */
function matchCase(original: string, replacement: string): string {
  const first = original.charAt(0);
  return first !== first.toLowerCase()
    ? replacement.charAt(0).toUpperCase() + replacement.slice(1)
    : replacement;
}

const isPluralNoun = (t: Token): boolean =>
  t.pos === "NOUN" &&
  !NUMBER_AMBIGUOUS.has(t.lower) &&
  (IRREGULAR_PLURALS.has(t.lower) || (t.lower.endsWith("s") && t.lemma !== t.lower));

const isSingularNoun = (t: Token): boolean =>
  t.pos === "NOUN" &&
  !NUMBER_AMBIGUOUS.has(t.lower) &&
  !IRREGULAR_PLURALS.has(t.lower) &&
  // wink reads "these will destroy" as determiner + noun.
  !MODALS.has(t.lower) &&
  t.lemma === t.lower &&
  /^\p{L}+$/u.test(t.lower);

const POSSESSIVE = /^(my|your|his|her|its|our|their)$/;

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

/** A dictionary lookup; a misspelt noun ("poeple") must not be read as a singular subject. */
type KnownWord = (word: string) => boolean;

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

function agreement(tokens: readonly Token[], out: Finding[], known: KnownWord): void {
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
}

/** A present-tense verb with no ending: "give", not "gives", "gave" or "cut" (also a past). */
const isBareVerb = (verb: Token): boolean =>
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
const startsPredicate = (next: Token | undefined): boolean =>
  next !== undefined &&
  ["DET", "NOUN", "PRON", "PROPN", "ADP", "ADV", "PART", "ADJ", "NUM", "SCONJ"].includes(next.pos);

function thirdPerson(base: string): string {
  if (base === "have") return "has";
  if (base === "go" || base === "do") return `${base}es`;
  if (/(s|x|z|ch|sh)$/.test(base)) return `${base}es`;
  if (/[^aeiou]y$/.test(base)) return `${base.slice(0, -1)}ies`;
  return `${base}s`;
}

const isThirdPersonForm = (t: Token): boolean =>
  t.lower !== t.lemma && /^[a-z]+s$/.test(t.lower) && thirdPerson(t.lemma) === t.lower;

/** Next token's part of speech suggests the word before it was a noun, not a verb. */
const endsNounPhrase = (next: Token | undefined): boolean =>
  next === undefined ||
  next.pos === "AUX" ||
  next.pos === "VERB" ||
  next.pos === "CCONJ" ||
  next.pos === "PUNCT";

function determinerNumber(tokens: readonly Token[], out: Finding[]): void {
  for (let i = 0; i + 1 < tokens.length; i++) {
    const det = tokens[i] as Token;
    const noun = tokens[i + 1] as Token;
    const next = tokens[i + 2];
    const prev = tokens[i - 1];
    if (det.pos !== "DET") continue;
    const singularDet = det.lower === "this";
    const pluralDet = det.lower === "these" || det.lower === "those";
    if (!singularDet && !pluralDet) continue;
    const fits = singularDet ? isPluralNoun(noun) : isSingularNoun(noun);
    if (!fits) continue;
    const nounEnds =
      endsNounPhrase(next) ||
      (pluralDet && next !== undefined && /^(of|who|which|that)$/.test(next.lower));
    if (!nounEnds) continue;
    // "This works." / "These help." are pronoun + verb; only object position reads as a noun.
    if (next === undefined || next.pos === "PUNCT") {
      if (prev === undefined || (prev.pos !== "ADP" && prev.pos !== "VERB")) continue;
    }
    const fixedDet = singularDet ? "these" : "this";
    const other = singularDet ? noun.lemma : `${noun.lower}s`;
    out.push({
      start: det.start,
      end: noun.end,
      message: singularDet
        ? `${quote(det.text)} goes with a singular noun: write ${quote(`these ${noun.lower}`)} or ${quote(`this ${other}`)}.`
        : `${quote(det.text)} goes with a plural noun: write ${quote(`this ${noun.lower}`)} or ${quote(`${det.lower} ${other}`)}.`,
      suggestion: `${matchCase(det.text, fixedDet)} ${noun.text}`,
      rule: "learner/determiner-number",
    });
  }
}

function uncountable(tokens: readonly Token[], out: Finding[]): void {
  tokens.forEach((t, i) => {
    const singular = UNCOUNTABLE[t.lower];
    if (singular === undefined) return;
    if (VERB_HOMOGRAPHS.has(t.lower)) {
      const prev = tokens[i - 1];
      const afterDeterminer =
        prev !== undefined &&
        (prev.pos === "DET" || prev.pos === "ADJ" || prev.pos === "NUM" || prev.pos === "ADP");
      const nounHere =
        t.pos === "NOUN" && (prev === undefined || (prev.pos !== "PRON" && prev.pos !== "NOUN"));
      if (!afterDeterminer && !nounHere) return;
    }
    out.push({
      start: t.start,
      end: t.end,
      message: `${quote(singular)} is uncountable and has no plural: write ${quote(singular)} (with ${quote("much")} or ${quote("a lot of")}, not ${quote("many")}).`,
      suggestion: matchCase(t.text, singular),
      rule: "learner/uncountable-plural",
    });
  });
}

const isComparative = (t: Token): boolean =>
  (t.pos === "ADJ" || t.pos === "ADV") &&
  (/^(better|worse)$/.test(t.lower) || (t.lower.endsWith("er") && t.lemma !== t.lower));
const isSuperlative = (t: Token): boolean =>
  (t.pos === "ADJ" || t.pos === "ADV") &&
  (/^(best|worst)$/.test(t.lower) || (t.lower.endsWith("est") && t.lemma !== t.lower));

function doubleComparative(tokens: readonly Token[], out: Finding[]): void {
  for (let i = 0; i + 1 < tokens.length; i++) {
    const more = tokens[i] as Token;
    const adj = tokens[i + 1] as Token;
    const next = tokens[i + 2];
    const double =
      (more.lower === "more" && isComparative(adj)) ||
      (more.lower === "most" && isSuperlative(adj));
    // "more older people" counts people, so a noun after the adjective means no error.
    if (!double || (next !== undefined && (next.pos === "NOUN" || next.pos === "PROPN"))) continue;
    out.push({
      start: more.start,
      end: adj.end,
      message: `${quote(adj.text)} is already ${more.lower === "more" ? "a comparative" : "a superlative"}, so it needs no ${quote(more.lower)}.`,
      suggestion: matchCase(more.text, adj.lower),
      rule: "learner/double-comparative",
    });
  }
}

/**
 * wink's lemmas are American ("organise" -> "organize", "practise" -> "practice"), so a British
 * base form differs from its lemma only by that spelling and is still the base form.
 */
function isBaseForm(word: Token): boolean {
  const american = word.lower.replace(/([iy])se$/, "$1ze");
  return (
    word.lower === word.lemma ||
    american === word.lemma ||
    word.lower.replace(/se$/, "ce") === word.lemma
  );
}

function modalVerb(tokens: readonly Token[], out: Finding[]): void {
  for (let i = 0; i + 1 < tokens.length; i++) {
    const modal = tokens[i] as Token;
    if (modal.pos !== "AUX" || !MODALS.has(modal.lower)) continue;
    let j = i + 1;
    while (j < tokens.length && /^(not|n't)$/.test((tokens[j] as Token).lower)) j++;
    const word = tokens[j];
    if (word === undefined) continue;
    const name = modal.lower === "ca" ? "can" : modal.lower === "wo" ? "will" : modal.lower;
    const verbAfterTo = tokens[j + 1];
    if (
      word.lower === "to" &&
      verbAfterTo?.pos === "VERB" &&
      verbAfterTo.lower === verbAfterTo.lemma
    ) {
      out.push({
        start: word.start,
        end: verbAfterTo.end,
        message: `After ${quote(name)}, use the verb without ${quote("to")}.`,
        suggestion: verbAfterTo.text,
        rule: "learner/modal-verb-form",
      });
      continue;
    }
    if (
      (word.pos === "VERB" || word.pos === "AUX") &&
      !MODALS.has(word.lower) &&
      /^\p{L}+$/u.test(word.text) &&
      !isBaseForm(word)
    ) {
      const base = word.lower === "been" ? "have been" : word.lemma;
      out.push({
        start: word.start,
        end: word.end,
        message: `After ${quote(name)}, use the base form of the verb: ${quote(`${name} ${base}`)}.`,
        suggestion: base,
        rule: "learner/modal-verb-form",
      });
    }
  }
}

function fixedPhrases(tokens: readonly Token[], out: Finding[]): void {
  const lower = tokens.map((t) => t.lower);
  const at = (i: number, ...words: string[]) => words.every((w, k) => lower[i + k] === w);
  const sentence = lower.join(" ");
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (at(i, "despite", "of")) {
      const of = tokens[i + 1] as Token;
      out.push({
        start: t.start,
        end: of.end,
        message: `${quote("Despite")} is not followed by ${quote("of")}: write ${quote("despite")} or ${quote("in spite of")}.`,
        suggestion: t.text,
        rule: "learner/fixed-phrase",
      });
    } else if (t.lemma === "discuss" && t.pos === "VERB" && lower[i + 1] === "about") {
      const about = tokens[i + 1] as Token;
      out.push({
        start: t.start,
        end: about.end,
        message: `${quote("Discuss")} takes a direct object, without ${quote("about")}.`,
        suggestion: t.text,
        rule: "learner/fixed-phrase",
      });
    } else if (at(i, "in", "the", "other", "hand") && !sentence.includes("one hand")) {
      out.push({
        start: t.start,
        end: t.end,
        message: `The linking phrase is ${quote("on the other hand")}.`,
        suggestion: matchCase(t.text, "on"),
        rule: "learner/fixed-phrase",
      });
    } else if (at(i, "according", "to", "me")) {
      const me = tokens[i + 2] as Token;
      out.push({
        start: t.start,
        end: me.end,
        message: `${quote("According to")} introduces someone else's view; for your own, write ${quote("in my view")} or ${quote("in my opinion")}.`,
        suggestion: matchCase(t.text, "in my view"),
        rule: "learner/fixed-phrase",
      });
    }
  }
}

/** A sentence opening or closing a letter ("Dear Sir,", "Yours faithfully, Ana Lima."). */
const LETTER_FORMULA = /^(dear|yours|regards|best|kind|warm|many thanks|sincerely|love)\b/;

/**
 * Could this token be a verb that wink-nlp tagged as a noun or adjective? Its tagger reads
 * "People work hard" as three nouns, so a word right after a noun or pronoun, or opening the
 * sentence, counts as a possible verb.
 */
function mayBeVerb(tokens: readonly Token[], k: number): boolean {
  const t = tokens[k] as Token;
  if (t.pos === "VERB" || t.pos === "AUX") return true;
  if (t.pos !== "NOUN" && t.pos !== "ADJ") return false;
  const prev = tokens[k - 1];
  if (prev === undefined) return true;
  // "The popularity of parties, however, causes ...": an -s word after a pause.
  if ((prev.pos === "PUNCT" || prev.pos === "ADV") && t.lower.endsWith("s")) return true;
  return (
    prev.pos === "NOUN" ||
    prev.pos === "PROPN" ||
    (prev.pos === "PRON" && !POSSESSIVE.test(prev.lower)) ||
    // "This results in ...": a demonstrative may be the subject, not a determiner.
    /^(this|that|these|those|which|who|what)$/.test(prev.lower)
  );
}

/**
 * A written sentence with no verb at all ("It on new technology.", "For example, in Japan."):
 * only full stops and exclamations of three words or more, never letter formulas, and only
 * where no word could be a verb the tagger missed.
 */
function verbless(text: string, tokens: readonly Token[], out: Finding[]): void {
  const last = tokens[tokens.length - 1];
  if (last === undefined || (last.text !== "." && last.text !== "!")) return;
  const words = tokens.filter((t) => t.pos !== "PUNCT" && t.pos !== "SYM");
  const first = words[0];
  // "Not at all." has no noun or pronoun to be the subject of a missing verb.
  const head = words.some((t) => t.pos === "NOUN" || t.pos === "PROPN" || t.pos === "PRON");
  if (first === undefined || words.length < 3 || !head) return;
  if (LETTER_FORMULA.test(tokens.map((t) => t.lower).join(" "))) return;
  // Lines of a list or a table ("1. Lack of time;\n2. ...") are not sentences.
  const lineStart = text.lastIndexOf("\n", first.start - 1) + 1;
  if (/^\s*((\d+|[a-z])[.)]|[•*–-])\s*$/i.test(text.slice(lineStart, first.start))) return;
  if (text.slice(first.start, last.start).includes("\n")) return;
  if (tokens.some((_, k) => mayBeVerb(tokens, k))) return;
  out.push({
    start: first.start,
    end: last.start,
    message:
      "This sentence has no verb, so it is not a complete sentence: add a verb or join it to the sentence before.",
    rule: "learner/no-verb",
  });
}

function lowercaseI(tokens: readonly Token[], out: Finding[]): void {
  tokens.forEach((t, i) => {
    if (t.text !== "i") return;
    const prev = tokens[i - 1];
    const next = tokens[i + 1];
    // "(i)" and "i." label list items; "i.e." is one token and never matches.
    if (prev?.text === "(" || next?.text === ")" || next?.text === ".") return;
    const pronoun = t.pos === "PRON" || (next !== undefined && /^'(m|ve|d|ll)$/.test(next.lower));
    if (!pronoun) return;
    out.push({
      start: t.start,
      end: t.end,
      message: `The pronoun ${quote("I")} is always a capital letter.`,
      suggestion: "I",
      rule: "learner/lowercase-i",
    });
  });
}

/** Learner errors in parsed text, sentence by sentence, with spans into the original text. */
export function findLearnerErrors(
  parsed: ParsedText,
  mode: AnalysisMode,
  known: KnownWord,
): LanguageIssue[] {
  const findings: Finding[] = [];
  for (const [first, last] of parsed.sentenceRanges) {
    const tokens = parsed.tokens
      .slice(first, last + 1)
      .filter((t) => t.type !== "tabCRLF" && t.text.trim() !== "" && t.end > t.start);
    agreement(tokens, findings, known);
    determinerNumber(tokens, findings);
    uncountable(tokens, findings);
    doubleComparative(tokens, findings);
    modalVerb(tokens, findings);
    fixedPhrases(tokens, findings);
    if (mode === "writing") lowercaseI(tokens, findings);
    // Last, so that a sentence-long span never hides a more precise finding inside it.
    if (mode === "writing") verbless(parsed.text, tokens, findings);
  }
  const issues: LanguageIssue[] = [];
  for (const f of findings) {
    // Detectors run in order of precision, so the first finding on a span wins.
    if (issues.some((o) => overlaps(o, f))) continue;
    issues.push({ ...f, kind: "grammar", source: "learner" });
  }
  return issues.sort((a, b) => a.start - b.start || a.end - b.end);
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  a.start < b.end && b.start < a.end;

/**
 * harper's issues plus the learner errors harper has not already marked. A long harper style
 * note (a wordy sentence) does not hide a learner error inside it; any other overlap does.
 */
export function mergeIssues(
  harper: readonly LanguageIssue[],
  learner: readonly LanguageIssue[],
): LanguageIssue[] {
  const blocking = harper.filter((h) => h.kind !== "style" || h.end - h.start <= 30);
  const extra = learner.filter((l) => !blocking.some((h) => overlaps(h, l)));
  return [...harper, ...extra].sort((a, b) => a.start - b.start || a.end - b.end);
}
