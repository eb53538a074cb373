import {
  listeningTests,
  readingTests,
  type IeltsTest,
  type QuestionGroup,
} from "../content/papers";
import { pickNext } from "../content/bank";
import { listUserAssessments } from "../data/assessments";
import { markTest } from "../scoring/marking";
import { QUESTION_TYPES, type QuestionType } from "../scoring/question-schema";
import { numberQuestions, stimuliOf, type Stimulus } from "./objective-paper";
import { paperBlock, type PaperBlock } from "./objective-paper-view";
import { reviewQuestions, type ReviewQuestion } from "./objective-review";

/** One practice set: a question group from the bank with what it is read or heard from. */
export interface DrillSet {
  key: string;
  /** Which passage or part of its test, for the heading. */
  index: number;
  test: IeltsTest;
  stimulus: Stimulus;
  group: QuestionGroup;
}

let allSets: readonly DrillSet[] | undefined;

/** Every set of the bank, made on first use as the papers are read. */
function bankSets(): readonly DrillSet[] {
  allSets ??= [...readingTests(), ...listeningTests()].flatMap((test) =>
    stimuliOf(test).flatMap(({ stimulus, groups }, index) =>
      groups.map((group, i) => ({
        index,
        key: `${stimulus.kind === "passage" ? stimulus.section.id : `${test.id}-part${stimulus.part.number}`}.${i}`,
        test,
        stimulus,
        group,
      })),
    ),
  );
  return allSets;
}

export function isQuestionType(value: string): value is QuestionType {
  return (QUESTION_TYPES as readonly string[]).includes(value);
}

/** The bank's sets of one question type, in bank order. */
export function drillSets(type: QuestionType): DrillSet[] {
  return bankSets().filter((s) => s.group.type === type);
}

/**
 * Where a drill starts: the first set of a test not in `satTestIds` (the student's Reading and
 * Listening tests, oldest first) by the rounds of `pickNext`, so that a drill does not open on
 * the passage of the test just taken, and each visit may start somewhere new.
 */
export function startingSet(
  sets: readonly DrillSet[],
  satTestIds: readonly string[],
  random: () => number = Math.random,
): number {
  const tests = [...new Map(sets.map((s) => [s.test.id, s.test])).values()];
  const test = pickNext(tests, satTestIds, random);
  return Math.max(
    0,
    sets.findIndex((s) => s.test.id === test?.id),
  );
}

/** `startingSet` for this student's own history. */
export async function drillStart(type: QuestionType, userId: string): Promise<number> {
  const sat = (await listUserAssessments(userId))
    .flatMap((a) => (a.submission.kind === "objective" ? [a.submission.testId] : []))
    .reverse();
  return startingSet(drillSets(type), sat);
}

export function drillSet(key: string): DrillSet | undefined {
  return bankSets().find((s) => s.key === key);
}

/** Every type the bank can drill, with how many questions it has of each. */
export function drillTypes(): { type: QuestionType; questions: number }[] {
  return QUESTION_TYPES.map((type) => ({
    type,
    questions: drillSets(type).reduce((n, s) => n + s.group.questions.length, 0),
  })).filter((t) => t.questions > 0);
}

/** The set as the candidate sees it, numbered from 1. */
export function drillPaper(set: DrillSet): PaperBlock {
  return paperBlock(set.stimulus, set.index, [
    { group: set.group, numbered: numberQuestions([set.group]) },
  ]);
}

/** Instant marking of a drill: each question with its mark, reason and evidence. */
export function markDrill(
  set: DrillSet,
  answers: Readonly<Record<string, string>>,
): ReviewQuestion[] {
  return reviewQuestions(
    numberQuestions([set.group]),
    markTest(set.group.questions, answers).results,
    answers,
  );
}
