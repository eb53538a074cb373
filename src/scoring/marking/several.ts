import type { Question } from "../question-schema";
import {
  CORRECT,
  COUNT_WORDS,
  keysOf,
  normaliseLabel,
  withExplanation,
  type CandidateAnswer,
  type Mark,
  type Marker,
} from "./shared";

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

/** Choose TWO/THREE: one mark per correct letter, none when more letters than asked. */
export const markSeveral: Marker = (question, answer) => {
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
};
