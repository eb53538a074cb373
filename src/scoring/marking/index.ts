import type { Question, QuestionType } from "../question-schema";
import { markJudgement } from "./judgement";
import { markLabel } from "./label";
import { markSeveral } from "./several";
import type { CandidateAnswer, Mark, Marker } from "./shared";
import { markWritten } from "./written";

export { countWords, normaliseText } from "./answer-text";
export type { CandidateAnswer, Mark } from "./shared";
export { expandOptional } from "./written";

/**
 * One marker per question type. A type added to the schema does not compile until it is
 * given a marker here, so no question is ever marked by a fallback.
 */
const MARKERS: Record<QuestionType, Marker> = {
  "multiple-choice": markLabel,
  "multiple-choice-multi": markSeveral,
  "true-false-not-given": markJudgement,
  "yes-no-not-given": markJudgement,
  "matching-headings": markLabel,
  "matching-information": markLabel,
  "matching-features": markLabel,
  "matching-sentence-endings": markLabel,
  "sentence-completion": markWritten,
  "summary-completion": markWritten,
  "note-completion": markWritten,
  "form-completion": markWritten,
  "table-completion": markWritten,
  "flow-chart-completion": markWritten,
  "diagram-label-completion": markWritten,
  "short-answer": markWritten,
};

/**
 * Marks one answer the way IELTS examiners do: case and spacing never matter; spelling does;
 * an answer over the word limit is wrong even if it contains the key; a choose-TWO/THREE
 * question earns one mark per correct letter.
 */
export function markAnswer(question: Question, answer: CandidateAnswer): Mark {
  return MARKERS[question.type](question, answer);
}

// ---------------------------------------------------------------- whole tests

interface TypeAccuracy {
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
