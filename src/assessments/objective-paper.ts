import type { ObjectiveMarking } from "../domain/assessment";
import { parseWordLimit } from "../scoring/question-schema";
import { bandFromRaw, type TestForm } from "../scoring/bands";
import { markTest } from "../scoring/marking";
import { fieldName } from "./objective-fields";
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
 * numbering as printed on the paper, the form's field names, and the answers read back. The
 * review (objective-review.ts) and the candidate's paper (objective-paper-view.ts) build on them.
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

export function numberLabel({ number, span }: Pick<NumberedQuestion, "number" | "span">): string {
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

/** A recorded part's script with the speakers' names: for the review and the transcript paper. */
export function transcriptOf(stimulus: Stimulus) {
  if (stimulus.kind !== "audio") return null;
  const names = new Map(stimulus.part.speakers.map((s) => [s.id, s.name]));
  return stimulus.part.script.map((line) => ({
    speaker: names.get(line.speaker) ?? line.speaker,
    text: line.text,
  }));
}
