import type { Question } from "../question-schema";

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

export const CORRECT = "Correct.";

/** Marks one answer to one question; each question type has one (see the registry in index.ts). */
export type Marker = (question: Question, answer: CandidateAnswer) => Mark;

/** Everything but choose-several reads the answer as one string, whatever box it came in. */
export function answerText(answer: CandidateAnswer): string {
  return (typeof answer === "string" ? answer : (answer ?? []).join(" ")).trim();
}

export function keysOf(question: Question): string[] {
  return typeof question.answer === "string" ? [question.answer] : [...question.answer];
}

export function withExplanation(text: string, question: Question): string {
  return question.explanation ? `${text} ${question.explanation}` : text;
}

export function result(correct: boolean, reason: string, expected: string): Mark {
  return { correct, marks: correct ? 1 : 0, maxMarks: 1, reason, expected };
}

export const COUNT_WORDS = ["", "ONE", "TWO", "THREE", "FOUR", "FIVE"];

/** "(b)", "B.", " b " -> "b": candidates decorate labels, examiners ignore it. */
export function normaliseLabel(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/^[\s("'[]+|[\s)"'.\]]+$/g, "");
}
