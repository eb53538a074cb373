import { listeningTests, readingTests, type IeltsTest, type QuestionGroup } from "../content/tests";
import { QUESTION_TYPES, type QuestionType } from "../scoring/question-schema";
import { stimuliOf, type Stimulus } from "./objective-paper";

/** One practice set: a question group from the bank with what it is read or heard from. */
export interface DrillSet {
  key: string;
  test: IeltsTest;
  stimulus: Stimulus;
  group: QuestionGroup;
}

const allSets: readonly DrillSet[] = [...readingTests, ...listeningTests].flatMap((test) =>
  stimuliOf(test).flatMap(({ stimulus, groups }) =>
    groups.map((group, i) => ({
      key: `${stimulus.kind === "passage" ? stimulus.section.id : `${test.id}-part${stimulus.part.number}`}.${i}`,
      test,
      stimulus,
      group,
    })),
  ),
);

export function isQuestionType(value: string): value is QuestionType {
  return (QUESTION_TYPES as readonly string[]).includes(value);
}

/** The bank's sets of one question type, in bank order. */
export function drillSets(type: QuestionType): DrillSet[] {
  return allSets.filter((s) => s.group.type === type);
}

export function drillSet(key: string): DrillSet | undefined {
  return allSets.find((s) => s.key === key);
}

/** Every type the bank can drill, with how many questions it has of each. */
export function drillTypes(): { type: QuestionType; questions: number }[] {
  return QUESTION_TYPES.map((type) => ({
    type,
    questions: drillSets(type).reduce((n, s) => n + s.group.questions.length, 0),
  })).filter((t) => t.questions > 0);
}
