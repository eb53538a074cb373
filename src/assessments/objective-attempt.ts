import type { ListeningAdjustment } from "../domain/assessment";
import type { Module } from "../domain/module";
import type { Publish } from "../data/events";
import { questionsOf } from "../content/papers";
import { assessmentIdFrom } from "./ids";
import { loadMock, ownMock, stepRefusal, type StepRefusal } from "./mock";
import type { MockStep } from "./mock-steps";
import {
  findObjectiveDraft,
  objectiveSubmission,
  openObjectiveDraft,
  ownObjective,
  saveObjectiveAnswers,
  submitObjective,
  type ObjectiveSkill,
} from "./objective";
import {
  LISTENING_MINUTES,
  READING_MINUTES,
  answersFromForm,
  paperLayout,
  unansweredNumbers,
} from "./objective-paper";
import { paperView } from "./objective-paper-view";

// Reading and Listening as the student's actions, whichever door they come through (the pages
// or the API): a signed-in student and plain values in, a typed outcome out.

export interface Student {
  userId: string;
}

export type MockTurn = { mockId: string | undefined } | { refused: StepRefusal; mockId: string };

/**
 * Whether this step of the student's open mock may be taken now. A mock id that is not the
 * student's own open mock (or not an id at all) is ignored, so the attempt stands alone.
 */
export async function mockTurn(
  student: Student,
  mockIdParam: string | null,
  step: MockStep,
): Promise<MockTurn> {
  const mockId = assessmentIdFrom(mockIdParam);
  const mock = mockId ? await ownMock(mockId, student.userId) : null;
  if (mock?.status !== "draft") return { mockId: undefined };
  const refused = stepRefusal((await loadMock(mock)).steps, step);
  return refused ? { refused, mockId: mock.assessmentId } : { mockId: mock.assessmentId };
}

interface Slot {
  skill: ObjectiveSkill;
  module: Module;
  mockId: string | undefined;
}

/**
 * The paper in progress, or, when there is none, what its introduction says. Writes nothing: a
 * link (even from another site) must not start a timed test; `startObjectiveTest` does.
 */
export async function objectiveTestPage(student: Student, slot: Slot) {
  const open = await findObjectiveDraft({ userId: student.userId, ...slot });
  if (!open) {
    return {
      started: false as const,
      skill: slot.skill,
      module: slot.module,
      inMock: slot.mockId !== undefined,
      minutes: slot.skill === "reading" ? READING_MINUTES : LISTENING_MINUTES,
    };
  }
  const { assessment, test } = open;
  const adjustment = objectiveSubmission(assessment)?.adjustment ?? null;
  return {
    started: true as const,
    assessmentId: assessment.assessmentId,
    skill: slot.skill,
    heading: test.title,
    adjustment,
    blocks: paperView(test, adjustment ?? undefined),
    answers: assessment.answers ?? {},
    deadlineAt: assessment.deadlineAt ?? new Date().toISOString(),
    serverNow: Date.now(),
  };
}

/**
 * "Start": opens the paper, or finds the one already open, so a second Start loses nothing
 * (and keeps the way the open paper was started).
 */
export async function startObjectiveTest(
  student: Student,
  slot: Slot,
  adjustment?: ListeningAdjustment,
): Promise<void> {
  await openObjectiveDraft({ userId: student.userId, ...slot, adjustment });
}

export type AnswerIntent = "save" | "submit" | "confirm-submit";

export type AnswerOutcome =
  | { kind: "not-found" }
  /** A second click on Submit, or a late autosave, after the paper was handed in. */
  | { kind: "handed-in"; assessmentId: string }
  | { kind: "unanswered"; unanswered: number[] }
  | { kind: "submitted"; assessmentId: string }
  | { kind: "saved"; savedAt: string };

/**
 * Every intent saves the answers first, so nothing typed is lost. "submit" with questions left
 * unanswered stops at a summary; "confirm-submit" (or "submit" with all answered) marks at once.
 */
export async function answerObjectiveTest(
  student: Student,
  input: { assessmentId: string; intent: AnswerIntent; form: Pick<FormData, "getAll"> },
  publish: Publish,
): Promise<AnswerOutcome> {
  const id = assessmentIdFrom(input.assessmentId);
  const found = id ? await ownObjective(id, student.userId) : null;
  if (!found) return { kind: "not-found" };
  const { assessment, test } = found;
  if (assessment.status !== "draft") {
    return { kind: "handed-in", assessmentId: assessment.assessmentId };
  }
  const answers = answersFromForm(input.form, questionsOf(test));
  if (input.intent === "save") {
    await saveObjectiveAnswers(assessment, student.userId, answers);
    return { kind: "saved", savedAt: new Date().toISOString() };
  }
  const unanswered = unansweredNumbers(
    paperLayout(test).flatMap((b) => b.groups.flatMap((g) => g.numbered)),
    answers,
  );
  if (input.intent === "submit" && unanswered.length > 0) {
    await saveObjectiveAnswers(assessment, student.userId, answers);
    return { kind: "unanswered", unanswered };
  }
  await submitObjective(assessment, test, answers, publish);
  return { kind: "submitted", assessmentId: assessment.assessmentId };
}
