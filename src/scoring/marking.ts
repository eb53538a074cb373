import {
  CHOICE_TYPES,
  JUDGEMENT_TYPES,
  MATCHING_TYPES,
  TFNG_KEYS,
  YNNG_KEYS,
  canonicalVerdict,
  parseWordLimit,
  type Question,
  type QuestionType,
  type WordLimit,
} from "./question-schema";

/** What the candidate wrote: one string, or one string per box for choose-several questions. */
export type CandidateAnswer = string | readonly string[] | null | undefined;

export interface Mark {
  correct: boolean;
  marks: number;
  maxMarks: number;
  /** Plain words for the review page. */
  reason: string;
  /** The key as a candidate should read it. */
  expected: string;
}

const CORRECT = "Correct.";

/**
 * Marks one answer the way IELTS examiners do: case and spacing never matter; spelling does;
 * an answer over the word limit is wrong even if it contains the key; a choose-TWO/THREE
 * question earns one mark per correct letter.
 */
export function markAnswer(question: Question, answer: CandidateAnswer): Mark {
  if (question.type === "multiple-choice-multi") return markSeveral(question, answer);
  const given = (typeof answer === "string" ? answer : (answer ?? []).join(" ")).trim();
  if (JUDGEMENT_TYPES.includes(question.type)) return markJudgement(question, given);
  if (CHOICE_TYPES.includes(question.type) || MATCHING_TYPES.includes(question.type)) {
    return markLabel(question, given);
  }
  return markWritten(question, given);
}

function keysOf(question: Question): string[] {
  return typeof question.answer === "string" ? [question.answer] : [...question.answer];
}

function withExplanation(text: string, question: Question): string {
  return question.explanation ? `${text} ${question.explanation}` : text;
}

function result(correct: boolean, reason: string, expected: string): Mark {
  return { correct, marks: correct ? 1 : 0, maxMarks: 1, reason, expected };
}

// ---------------------------------------------------------------- choices and matching

/** "(b)", "B.", " b " -> "b": candidates decorate labels, examiners ignore it. */
function normaliseLabel(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/^[\s("'[]+|[\s)"'.\]]+$/g, "");
}

/** A label, or the full text of an option, resolved to the option's label. */
function resolveLabel(question: Question, given: string): string {
  const label = normaliseLabel(given);
  const byText = question.options?.find((o) => normaliseText(o.text) === normaliseText(given));
  return byText ? normaliseLabel(byText.label) : label;
}

function describeOption(question: Question, key: string): string {
  const option = question.options?.find((o) => normaliseLabel(o.label) === normaliseLabel(key));
  return option && option.text ? `'${key}' (${option.text})` : `'${key}'`;
}

function markLabel(question: Question, given: string): Mark {
  const key = keysOf(question)[0]!;
  const expected = key.trim();
  if (!given) {
    return result(false, `No answer given. The key is ${describeOption(question, key)}.`, expected);
  }
  if (resolveLabel(question, given) === normaliseLabel(key)) return result(true, CORRECT, expected);
  return result(
    false,
    withExplanation(`The key is ${describeOption(question, key)}.`, question),
    expected,
  );
}

const COUNT_WORDS = ["", "ONE", "TWO", "THREE", "FOUR", "FIVE"];

/** "A, C", "A and C", "AC", ["A", "C"] -> ["a", "c"] without duplicates. */
function splitLetters(question: Question, answer: CandidateAnswer): string[] {
  const parts: string[] = [];
  for (const piece of Array.isArray(answer) ? answer : [answer ?? ""]) {
    const text = String(piece).trim();
    const singleLetterLabels = (question.options ?? []).every((o) => o.label.trim().length === 1);
    if (/^[a-z]{2,}$/i.test(text) && singleLetterLabels && !/^and$/i.test(text)) {
      parts.push(...text.split(""));
    } else {
      parts.push(...text.split(/[\s,;/&+]+|\band\b/i));
    }
  }
  return [...new Set(parts.map(normaliseLabel).filter(Boolean))];
}

function markSeveral(question: Question, answer: CandidateAnswer): Mark {
  const keys = keysOf(question).map(normaliseLabel);
  const expected = keysOf(question)
    .map((k) => k.trim())
    .join(", ");
  const maxMarks = keys.length;
  const chosen = splitLetters(question, answer);
  const asked = COUNT_WORDS[maxMarks] ?? String(maxMarks);
  const mark = (marks: number, reason: string): Mark => ({
    correct: marks === maxMarks,
    marks,
    maxMarks,
    reason,
    expected,
  });
  if (chosen.length === 0) return mark(0, `No answer given. The key is ${expected}.`);
  // Choosing every letter must not collect every mark: the answer sheet has exactly one box
  // per mark, so more letters than asked is treated like an answer over the word limit.
  if (chosen.length > maxMarks) {
    return mark(
      0,
      `You chose ${chosen.length} letters; the question asks for ${asked}, so this scores no marks. The key is ${expected}.`,
    );
  }
  const right = chosen.filter((c) => keys.includes(c)).length;
  if (right === maxMarks) return mark(right, CORRECT);
  return mark(
    right,
    withExplanation(
      `${right} of ${maxMarks} marks: one mark for each correct letter, in any order. The key is ${expected}.`,
      question,
    ),
  );
}

// ---------------------------------------------------------------- T/F/NG and Y/N/NG

const VERDICT_MEANING: Record<string, Record<string, string>> = {
  "true-false-not-given": {
    TRUE: "the passage states this.",
    FALSE: "the passage says the opposite.",
    "NOT GIVEN": "the passage does not say whether this is true or false.",
  },
  "yes-no-not-given": {
    YES: "the writer's views or claims agree with this.",
    NO: "the writer's views or claims contradict this.",
    "NOT GIVEN": "the writer does not say what they think about this.",
  },
};

function markJudgement(question: Question, given: string): Mark {
  const key = canonicalVerdict(keysOf(question)[0]!) ?? "";
  const allowed = question.type === "true-false-not-given" ? TFNG_KEYS : YNNG_KEYS;
  const because = `The key is '${key}': ${question.explanation ?? VERDICT_MEANING[question.type]![key]}`;
  if (!given) return result(false, `No answer given. ${because}`, key);
  const verdict = canonicalVerdict(given);
  // T/F/NG and Y/N/NG are not interchangeable on the answer sheet: "YES" to a T/F/NG
  // statement is wrong even when the meaning matches.
  if (!verdict || !allowed.includes(verdict)) {
    const options = `${allowed.slice(0, 2).join(", ")} or ${allowed[2]}`;
    return result(false, `Write ${options}; '${given}' is not one of them. ${because}`, key);
  }
  return verdict === key ? result(true, CORRECT, key) : result(false, because, key);
}

// ---------------------------------------------------------------- written answers

const UNITS: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const SCALES: Record<string, number> = { hundred: 100, thousand: 1000, million: 1_000_000 };

function isNumberWord(word: string): boolean {
  return word in UNITS || word in SCALES;
}

/** "twenty-five" and "one hundred and five" are numbers written in words. */
function numberWordParts(token: string): string[] | null {
  const parts = token.split("-");
  return parts.every(isNumberWord) ? parts : null;
}

function wordsToNumber(words: readonly string[]): number {
  let total = 0;
  let current = 0;
  for (const word of words) {
    if (word in UNITS) current += UNITS[word]!;
    else if (word === "hundred") current = (current || 1) * 100;
    else {
      total += (current || 1) * SCALES[word]!;
      current = 0;
    }
  }
  return total + current;
}

/** Groups tokens into runs of number words (joined by "and" after a scale word) and others. */
function groupNumberWords(tokens: readonly string[]): { tokens: string[]; number: boolean }[] {
  const groups: { tokens: string[]; number: boolean }[] = [];
  let run: string[] = [];
  let parts: string[] = [];
  const flush = () => {
    if (run.length) groups.push({ tokens: run, number: true });
    run = [];
    parts = [];
  };
  tokens.forEach((token, i) => {
    const numberParts = numberWordParts(token);
    const last = parts[parts.length - 1];
    const andInNumber =
      token === "and" &&
      last !== undefined &&
      last in SCALES &&
      numberWordParts(tokens[i + 1] ?? "") !== null;
    if (numberParts || andInNumber) {
      run.push(token);
      parts.push(...(numberParts ?? []));
    } else {
      flush();
      groups.push({
        tokens: [token],
        number: /^[£$€]?\d[\d,.:/]*(%|st|nd|rd|th|am|pm)?$/.test(token),
      });
    }
  });
  flush();
  return groups;
}

function tokenise(text: string): string[] {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .split(/\s+/)
    .map((t) => t.replace(/^[.,;:!?"'(]+|[.,;:!?"')]+$/g, ""))
    .filter(Boolean);
}

/**
 * The comparable form of a written answer: case, spacing and surrounding punctuation dropped,
 * numbers as digits ("twenty" and "20" compare equal, as do "1,000" and "1000").
 */
export function normaliseText(text: string): string {
  return groupNumberWords(tokenise(text))
    .map((g) => {
      if (g.number && !/\d/.test(g.tokens[0]!)) {
        return String(
          wordsToNumber(g.tokens.filter((t) => t !== "and").flatMap((t) => t.split("-"))),
        );
      }
      return g.tokens
        .map((t) => (/^\d{1,3}(,\d{3})+$/.test(t) ? t.replace(/,/g, "") : t))
        .join(" ");
    })
    .join(" ");
}

/** Words in an answer against a limit: hyphenated words count once; one number may be free. */
export function countWords(text: string, limit: WordLimit): { words: number; numbers: number } {
  const groups = groupNumberWords(tokenise(text));
  let words = 0;
  let numbers = 0;
  for (const group of groups) {
    if (group.number && limit.number && numbers === 0) numbers++;
    else words += group.tokens.filter((t) => t !== "and" || !group.number).length;
  }
  return { words, numbers };
}

function describeLimit(limit: WordLimit): string {
  const words = `${(COUNT_WORDS[limit.words] ?? String(limit.words)).toLowerCase()} word${limit.words === 1 ? "" : "s"}`;
  if (limit.words === 0) return "a number";
  return limit.number ? `${words} and/or a number` : words;
}

/** "(the) library" -> ["the library", "library"]. */
function expandOptional(key: string): string[] {
  const match = /\(([^()]*)\)/.exec(key);
  if (!match) return [key];
  const before = key.slice(0, match.index);
  const after = key.slice(match.index + match[0].length);
  return [
    ...expandOptional(`${before}${match[1]}${after}`),
    ...expandOptional(`${before} ${after}`),
  ];
}

function levenshtein(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost));
    }
    previous = current;
  }
  return previous[b.length]!;
}

function limitOf(question: Question): WordLimit | null {
  const limit = question.wordLimit;
  if (limit === undefined) return null;
  return typeof limit === "string" ? parseWordLimit(limit) : limit;
}

function markWritten(question: Question, given: string): Mark {
  const keys = keysOf(question);
  const expected = keys.map((k) => k.trim()).join(" / ");
  if (!given) return result(false, `No answer given. The key is '${expected}'.`, expected);

  const limit = limitOf(question);
  if (limit) {
    const { words, numbers } = countWords(given, limit);
    if (words > limit.words) {
      const counted = `${words} word${words === 1 ? "" : "s"}${numbers ? " and a number" : ""}`;
      return result(
        false,
        `Your answer has ${counted}; the limit is ${describeLimit(limit)}. An answer over the word limit is wrong. The key is '${expected}'.`,
        expected,
      );
    }
  }

  const variants = [...keys, ...(question.accept ?? [])].flatMap(expandOptional).map(normaliseText);
  const answer = normaliseText(given);
  if (variants.includes(answer)) return result(true, CORRECT, expected);

  const closest = variants
    .map((v) => ({ v, d: levenshtein(answer, v) }))
    .sort((x, y) => x.d - y.d)[0]!;
  const nearMiss = !/\d/.test(closest.v) && closest.d <= 2 && closest.d * 3 <= closest.v.length;
  if (nearMiss) {
    return result(false, `Spelling counts: '${given}' is not '${closest.v}'.`, expected);
  }
  return result(false, withExplanation(`The key is '${expected}'.`, question), expected);
}

// ---------------------------------------------------------------- whole tests

export interface TypeAccuracy {
  marks: number;
  maxMarks: number;
  /** marks / maxMarks, 0-1. */
  accuracy: number;
}

export interface TestResult {
  /** Marks scored: the raw score that bandFromRaw takes for a 40-question paper. */
  raw: number;
  maxRaw: number;
  results: (Mark & { id: string; type: QuestionType })[];
  byType: Partial<Record<QuestionType, TypeAccuracy>>;
}

/** Marks a whole paper; a question without an answer scores zero. */
export function markTest(
  questions: readonly Question[],
  answers: Readonly<Record<string, CandidateAnswer>>,
): TestResult {
  const results = questions.map((q) => ({
    id: q.id,
    type: q.type,
    ...markAnswer(q, answers[q.id]),
  }));
  const byType: Partial<Record<QuestionType, TypeAccuracy>> = {};
  for (const r of results) {
    const entry = (byType[r.type] ??= { marks: 0, maxMarks: 0, accuracy: 0 });
    entry.marks += r.marks;
    entry.maxMarks += r.maxMarks;
    entry.accuracy = entry.marks / entry.maxMarks;
  }
  return {
    raw: results.reduce((sum, r) => sum + r.marks, 0),
    maxRaw: results.reduce((sum, r) => sum + r.maxMarks, 0),
    results,
    byType,
  };
}
