import { parseWordLimit, type Question, type WordLimit } from "../question-schema";
import { countWords, normaliseText } from "./answer-text";
import {
  CORRECT,
  COUNT_WORDS,
  answerText,
  keysOf,
  result,
  withExplanation,
  type Marker,
} from "./shared";

function describeLimit(limit: WordLimit): string {
  const words = `${(COUNT_WORDS[limit.words] ?? String(limit.words)).toLowerCase()} word${limit.words === 1 ? "" : "s"}`;
  if (limit.words === 0) return "a number";
  return limit.number ? `${words} and/or a number` : words;
}

/** "(the) library" -> ["the library", "library"]. */
export function expandOptional(key: string): string[] {
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

/** Completion and short-answer questions, answered in the candidate's own words. */
export const markWritten: Marker = (question, candidate) => {
  const given = answerText(candidate);
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
};
