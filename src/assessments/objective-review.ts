import type { Explanation, ListeningAdjustment, ObjectiveMarking } from "../domain/assessment";
import type { TestForm } from "../scoring/bands";
import type { IeltsTest } from "../content/papers";
import { typeName } from "./objective-fields";
import {
  numberLabel,
  paperLayout,
  transcriptOf,
  type NumberedQuestion,
  type Stimulus,
} from "./objective-paper";

// The review page of a marked Reading or Listening paper: each answer beside its mark and key.

export interface ReviewQuestion {
  id: string;
  label: string;
  type: string;
  prompt: string;
  answer: string | null;
  expected: string;
  correct: boolean;
  marks: number;
  maxMarks: number;
  reason: string;
  evidence: string[];
  /** A model's explanation of a wrong answer, once the explain-answers worker has added it. */
  explanation: string | null;
}

/** What the review page shows: serialisable, and nothing the student did not already see. */
export interface ObjectiveReview {
  assessmentId: string;
  skill: "reading" | "listening";
  module: "academic" | "general";
  title: string;
  late: boolean;
  submittedAt: string | null;
  raw: number;
  maxRaw: number;
  band: number;
  form: TestForm;
  byType: { type: string; name: string; marks: number; maxMarks: number; accuracy: number }[];
  /** Listening parts carry what was said, shown once the paper is in (for deaf students too). */
  blocks: {
    title: string;
    questions: ReviewQuestion[];
    transcript: { speaker: string; text: string }[] | null;
  }[];
  mockId: string | null;
  adjustment: ListeningAdjustment | null;
}

/** Each numbered question beside its mark, the answer given and the evidence for the key. */
export function reviewQuestions(
  numbered: readonly NumberedQuestion[],
  marks: ObjectiveMarking["results"],
  answers: Readonly<Record<string, string>>,
  explanations: readonly Explanation[] = [],
): ReviewQuestion[] {
  const byId = new Map(marks.map((m) => [m.id, m]));
  // Only a model's words add anything: the marking's own reason is shown already.
  const explained = new Map(
    explanations.filter((e) => e.source === "ai").map((e) => [e.id, e.text]),
  );
  return numbered.map((n) => {
    const mark = byId.get(n.question.id);
    return {
      id: n.question.id,
      label: numberLabel(n),
      type: n.question.type,
      prompt: n.question.prompt ?? "",
      answer: answers[n.question.id]?.split(",").join(", ") ?? null,
      expected: mark?.expected ?? "",
      correct: mark?.correct ?? false,
      marks: mark?.marks ?? 0,
      maxMarks: mark?.maxMarks ?? n.span,
      reason: mark?.reason ?? "",
      evidence: [n.question.evidence].flat(),
      explanation: explained.get(n.question.id) ?? null,
    };
  });
}

function blockTitle(stimulus: Stimulus, index: number): string {
  return stimulus.kind === "passage"
    ? `Passage ${index + 1}: ${stimulus.section.title}`
    : `Part ${stimulus.part.number}`;
}

export function reviewOf(
  test: IeltsTest,
  record: {
    assessmentId: string;
    late?: boolean;
    submittedAt?: string;
    answers?: Record<string, string>;
    marking: ObjectiveMarking;
    mockId?: string;
    explanations?: Explanation[];
    adjustment?: ListeningAdjustment;
  },
): ObjectiveReview {
  const blocks = paperLayout(test).map(({ stimulus, groups }, index) => ({
    title: blockTitle(stimulus, index),
    questions: reviewQuestions(
      groups.flatMap((g) => g.numbered),
      record.marking.results,
      record.answers ?? {},
      record.explanations,
    ),
    transcript: transcriptOf(stimulus),
  }));
  return {
    assessmentId: record.assessmentId,
    skill: test.skill,
    module: test.skill === "reading" ? test.module : "academic",
    title: test.title,
    late: record.late ?? false,
    submittedAt: record.submittedAt ?? null,
    raw: record.marking.raw,
    maxRaw: record.marking.maxRaw,
    band: record.marking.band,
    form: record.marking.form,
    byType: Object.entries(record.marking.byType).map(([type, t]) => ({
      type,
      name: typeName(type),
      ...t,
    })),
    blocks,
    mockId: record.mockId ?? null,
    adjustment: record.adjustment ?? null,
  };
}
