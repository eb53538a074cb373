import {
  isObjective,
  type Assessment,
  type ListeningAdjustment,
  type ObjectiveAssessment,
  type ObjectiveSubmission,
} from "../domain/assessment";
import type { Module } from "../domain/module";
import { countMarked } from "../admin/stats";
import { cloudProviderNames } from "../ai/cloud-names";
import { pickNext } from "../content/bank";
import {
  getTest,
  listeningTests,
  readingTests,
  type IeltsTest,
  type ListeningTest,
  type ReadingTest,
} from "../content/papers";
import {
  createAssessment,
  getAssessment,
  listUserAssessments,
  saveAnswers,
} from "../data/assessments";
import { saveMarked } from "../data/assessment-transitions";
import type { Publish } from "../data/events";
import { LISTENING_MINUTES, READING_MINUTES, markPaper } from "./objective-paper";

export type ObjectiveSkill = "reading" | "listening";
export function objectiveSubmission(assessment: Assessment): ObjectiveSubmission | null {
  return isObjective(assessment) ? assessment.submission : null;
}

/** The paper an objective assessment was taken on; null if it is not one or the bank lost it. */
export function testOf(assessment: Assessment): IeltsTest | null {
  const submission = objectiveSubmission(assessment);
  return (submission && getTest(submission.testId)) ?? null;
}

/** An objective assessment with the paper it was taken on, or null. */
function withTest(assessment: Assessment) {
  if (!isObjective(assessment)) return null;
  const test = getTest(assessment.submission.testId);
  return test ? { assessment, test } : null;
}

function candidates(
  skill: ObjectiveSkill,
  module: Module,
): readonly (ReadingTest | ListeningTest)[] {
  return skill === "listening"
    ? listeningTests()
    : readingTests().filter((t) => t.module === module);
}

interface DraftSlot {
  userId: string;
  skill: ObjectiveSkill;
  module: Module;
  mockId?: string;
}

function openDraftIn(
  history: readonly Assessment[],
  slot: DraftSlot,
): { assessment: ObjectiveAssessment; test: IeltsTest } | null {
  for (const a of history) {
    const sameSlot =
      a.status === "draft" &&
      a.skill === slot.skill &&
      (slot.skill === "listening" || a.module === slot.module) &&
      objectiveSubmission(a)?.mockId === slot.mockId;
    const open = sameSlot ? withTest(a) : null;
    if (open) return open;
  }
  return null;
}

/**
 * The paper in progress for this slot, or null; writes nothing, so a page view (a GET, even a
 * cross-site one) never starts a clock. Listening is the same paper for both modules, so any
 * open listening draft is the one.
 */
export async function findObjectiveDraft(slot: DraftSlot) {
  return openDraftIn(await listUserAssessments(slot.userId), slot);
}

/**
 * The student pressed Start: resumes the paper in progress with its saved answers (a second
 * Start, a reload or a lost connection loses nothing); otherwise a paper the student has not
 * taken starts a new timed draft.
 */
export async function openObjectiveDraft(
  input: DraftSlot & { now?: Date; adjustment?: ListeningAdjustment },
): Promise<{ assessment: ObjectiveAssessment; test: IeltsTest }> {
  const history = await listUserAssessments(input.userId);
  const open = openDraftIn(history, input);
  if (open) return open;
  const seen = history
    .map((a) => objectiveSubmission(a)?.testId)
    .filter((id): id is string => id !== undefined)
    .reverse();
  const test = pickNext(candidates(input.skill, input.module), seen);
  if (!test) throw new Error(`No ${input.skill} tests for ${input.module}.`);
  const assessment = await createAssessment({
    userId: input.userId,
    skill: input.skill,
    status: "draft",
    timeLimitMinutes: input.skill === "reading" ? READING_MINUTES : LISTENING_MINUTES,
    submission: {
      kind: "objective",
      module: input.module,
      testId: test.id,
      ...(input.mockId ? { mockId: input.mockId } : {}),
      // Reading passages are read anyway: only a listening paper is taken another way.
      ...(input.adjustment && input.skill === "listening" ? { adjustment: input.adjustment } : {}),
    },
    now: input.now,
  });
  return { assessment, test };
}

/** The student's own objective assessment, or null: someone else's id reveals nothing. */
export async function ownObjective(assessmentId: string, userId: string) {
  const assessment = assessmentId ? await getAssessment(assessmentId) : null;
  return assessment && assessment.userId === userId ? withTest(assessment) : null;
}

export function saveObjectiveAnswers(
  draft: ObjectiveAssessment,
  userId: string,
  answers: Record<string, string>,
) {
  return saveAnswers(draft.assessmentId, userId, answers);
}

/**
 * Marks at once against the key; the paper and its marking are stored in one write. Where a
 * cloud model is configured, explanations of the wrong answers are asked for afterwards; the
 * review already shows the marking's own reasons, so a failed publish loses nothing.
 */
export async function submitObjective(
  draft: ObjectiveAssessment,
  test: IeltsTest,
  answers: Record<string, string>,
  publish: Publish,
  now = new Date(),
) {
  const marked = await saveMarked(draft, answers, markPaper(test, answers), now);
  if (marked) await countMarked(marked);
  if (marked && marked.marking?.raw !== marked.marking?.maxRaw && cloudProviderNames().length) {
    await publish("explain-answers", { assessmentId: marked.assessmentId }).catch((error) =>
      console.error("explain-answers publish failed", marked.assessmentId, error),
    );
  }
  return marked;
}
