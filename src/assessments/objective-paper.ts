import type { Explanation, ListeningAdjustment, ObjectiveMarking } from "../domain/assessment";
import type { QuestionType } from "../scoring/question-schema";
import { parseWordLimit } from "../scoring/question-schema";
import { bandFromRaw, type TestForm } from "../scoring/bands";
import { markTest } from "../scoring/marking";
import { fieldName, typeName } from "./objective-fields";
import {
  AUDIO_FORMATS,
  questionsOf,
  type IeltsTest,
  type ListeningPart,
  type QuestionGroup,
  type ReadingSection,
  type TestQuestion,
} from "../content/papers";

/**
 * Pure helpers shared by the test page, the marking at submit, the review and the drills:
 * numbering as printed on the paper, the form's field names, and the answers read back.
 */

export const READING_MINUTES = 60;
/** About 30 minutes of recording and reading time, then 2 minutes to check answers. */
export const LISTENING_MINUTES = 32;

/** Longest answer kept per question: far above any word limit, small enough for one item. */
export const MAX_ANSWER_CHARS = 120;

export interface NumberedQuestion {
  question: TestQuestion;
  /** First question number on the paper; a choose-TWO item covers `number` and `number + 1`. */
  number: number;
  /** How many numbers (and marks) the item covers. */
  span: number;
}

/** How many answer-sheet numbers a question takes: one per key letter for choose-several. */
function spanOf(question: TestQuestion): number {
  return question.type === "multiple-choice-multi" && Array.isArray(question.answer)
    ? question.answer.length
    : 1;
}

/** Each question with its paper number, in paper order. */
export function numberQuestions(groups: readonly QuestionGroup[], first = 1): NumberedQuestion[] {
  const numbered: NumberedQuestion[] = [];
  let next = first;
  for (const group of groups) {
    for (const question of group.questions) {
      const span = spanOf(question);
      numbered.push({ question, number: next, span });
      next += span;
    }
  }
  return numbered;
}

function numberLabel({ number, span }: Pick<NumberedQuestion, "number" | "span">): string {
  return span === 1 ? String(number) : `${number}–${number + span - 1}`;
}

/**
 * The answers in a posted form, by question id, trimmed and with empty ones left out; boxes of
 * a choose-several question come back as one comma-separated string, which `markAnswer` reads.
 */
export function answersFromForm(
  form: Pick<FormData, "getAll">,
  questions: readonly TestQuestion[],
): Record<string, string> {
  const answers: Record<string, string> = {};
  for (const question of questions) {
    const value = form
      .getAll(fieldName(question.id))
      .filter((v): v is string => typeof v === "string")
      .map((v) => v.trim())
      .filter(Boolean)
      .join(",")
      .slice(0, MAX_ANSWER_CHARS);
    if (value) answers[question.id] = value;
  }
  return answers;
}

/** Paper numbers with no answer, for the summary before submitting. */
export function unansweredNumbers(
  numbered: readonly NumberedQuestion[],
  answers: Readonly<Record<string, string>>,
): number[] {
  return numbered
    .filter((n) => !answers[n.question.id])
    .flatMap((n) => Array.from({ length: n.span }, (_, i) => n.number + i));
}

/** "ONE WORD AND/OR A NUMBER" -> "One word and/or a number", shown beside each answer box. */
export function wordLimitHint(instructions: string): string | null {
  const limit = parseWordLimit(instructions);
  if (!limit) return null;
  if (limit.words === 0) return "A number";
  const words = `${limit.words === 1 ? "One word" : `Up to ${limit.words} words`}`;
  return limit.number ? `${words} and/or a number` : words;
}

export interface AudioSource {
  src: string;
  type: string;
}

/** Content stores "/audio/x" for x.ogg and x.mp3; Architect serves public/ under /_static. */
export function audioSources(part: Pick<ListeningPart, "audio">): AudioSource[] {
  return AUDIO_FORMATS.map((format) => ({
    src: `/_static${part.audio}.${format.extension}`,
    type: format.type,
  }));
}

function testForm(test: IeltsTest): TestForm {
  if (test.skill === "listening") return "listening";
  return test.module === "academic" ? "reading-academic" : "reading-general";
}

/** Marks a whole paper and bands it with the table for its form. */
export function markPaper(
  test: IeltsTest,
  answers: Readonly<Record<string, string>>,
): ObjectiveMarking {
  const marked = markTest(questionsOf(test), answers);
  const form = testForm(test);
  return {
    raw: marked.raw,
    maxRaw: marked.maxRaw,
    band: bandFromRaw(form, marked.raw),
    form,
    byType: marked.byType as Record<string, ObjectiveMarking["byType"][string]>,
    results: marked.results,
  };
}

/** A reading section or listening part: what a block of groups is read or heard from. */
export type Stimulus =
  { kind: "passage"; section: ReadingSection } | { kind: "audio"; part: ListeningPart };

export function stimuliOf(test: IeltsTest): { stimulus: Stimulus; groups: QuestionGroup[] }[] {
  return test.skill === "reading"
    ? test.sections.map((section) => ({
        stimulus: { kind: "passage", section },
        groups: section.groups,
      }))
    : test.parts.map((part) => ({ stimulus: { kind: "audio", part }, groups: part.groups }));
}

export interface LaidOutGroup {
  group: QuestionGroup;
  numbered: NumberedQuestion[];
}

/** The paper as printed: each passage or part with its groups, numbered straight through. */
export function paperLayout(test: IeltsTest): { stimulus: Stimulus; groups: LaidOutGroup[] }[] {
  let next = 1;
  return stimuliOf(test).map(({ stimulus, groups }) => ({
    stimulus,
    groups: groups.map((group) => {
      const numbered = numberQuestions([group], next);
      next += numbered.reduce((n, q) => n + q.span, 0);
      return { group, numbered };
    }),
  }));
}

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

function transcriptOf(stimulus: Stimulus) {
  if (stimulus.kind !== "audio") return null;
  const names = new Map(stimulus.part.speakers.map((s) => [s.id, s.name]));
  return stimulus.part.script.map((line) => ({
    speaker: names.get(line.speaker) ?? line.speaker,
    text: line.text,
  }));
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

/** A question as the candidate sees it: no key, no accepted variants, no evidence. */
export interface PaperQuestion {
  id: string;
  number: number;
  span: number;
  label: string;
  type: QuestionType;
  prompt: string;
  options: { label: string; text: string }[];
}

export interface PaperGroup {
  type: QuestionType;
  instructions: string;
  title: string | null;
  /** The shared box (headings, people, endings), printed once above the questions. */
  box: { label: string; text: string }[];
  limitHint: string | null;
  questions: PaperQuestion[];
}

export interface PaperBlock {
  id: string;
  heading: string;
  title: string | null;
  paragraphs: { label: string | null; text: string }[];
  /** The part's recording in every format, in the order the player should try them. */
  audio: AudioSource[] | null;
  introduction: string | null;
  groups: PaperGroup[];
}

function paperGroup({ group, numbered }: LaidOutGroup): PaperGroup {
  const written = group.questions.some((q) => q.wordLimit !== undefined);
  return {
    type: group.type,
    instructions: group.instructions,
    title: group.title ?? null,
    box: group.options ?? [],
    limitHint: written ? wordLimitHint(group.instructions) : null,
    questions: numbered.map((n) => ({
      id: n.question.id,
      number: n.number,
      span: n.span,
      label: numberLabel(n),
      type: n.question.type,
      prompt: n.question.prompt ?? "",
      options: n.question.options ?? [],
    })),
  };
}

/**
 * One passage or recorded part as the paper shows it. With the transcript adjustment a part is
 * its script to read, speaker by speaker, in place of the recording.
 */
export function paperBlock(
  stimulus: Stimulus,
  index: number,
  groups: readonly LaidOutGroup[],
  adjustment?: ListeningAdjustment,
): PaperBlock {
  const passage = stimulus.kind === "passage" ? stimulus.section : null;
  const part = stimulus.kind === "audio" ? stimulus.part : null;
  const read = part !== null && adjustment === "transcript";
  return {
    id: passage ? passage.id : `part-${part!.number}`,
    heading: passage ? `Passage ${index + 1}` : `Part ${part!.number}`,
    title: passage?.title ?? null,
    paragraphs: read
      ? (transcriptOf(stimulus) ?? []).map((line) => ({ label: line.speaker, text: line.text }))
      : (passage?.passage.paragraphs ?? []).map((p) => ({
          label: p.label ?? null,
          text: p.text,
        })),
    audio: part && !read ? audioSources(part) : null,
    introduction: part?.introduction ?? null,
    groups: groups.map(paperGroup),
  };
}

/** The whole paper for the test page, with nothing that gives an answer away. */
export function paperView(test: IeltsTest, adjustment?: ListeningAdjustment): PaperBlock[] {
  return paperLayout(test).map(({ stimulus, groups }, i) =>
    paperBlock(stimulus, i, groups, adjustment),
  );
}
