// Routes reach Reading, Listening, mock tests and drills only through here (see
// accounts.server.ts for why).
import { json, redirect } from "@remix-run/node";
import { z } from "zod";
import type { Assessment } from "../../src/data/assessments";
import { questionsOf } from "../../src/content/tests";
import { assessmentIdFrom } from "../../src/assessments/ids";
import { loadMock, ownMock, stepRefusal } from "../../src/assessments/mock";
import {
  objectiveSubmission,
  openObjectiveDraft,
  ownObjective,
  saveObjectiveAnswers,
  submitObjective,
  testOf,
  type ObjectiveSkill,
} from "../../src/assessments/objective";
import { publishEvent } from "../../src/data/events";
import {
  answersFromForm,
  paperLayout,
  paperView,
  reviewOf,
  unansweredNumbers,
  type ObjectiveReview,
} from "../../src/assessments/objective-paper";
import { readForm } from "~/security/form.server";
import { requireUser } from "~/session.server";

export {
  ATTACHABLE_STEPS,
  attachToMock,
  currentStep,
  loadMock,
  openMockFor,
  ownMock,
  startMock,
  type StepRefusal,
  type AttachableStep,
  type StepState,
} from "../../src/assessments/mock";
export {
  drillPaper,
  drillSet,
  drillSets,
  drillTypes,
  isQuestionType,
  markDrill,
} from "../../src/assessments/drills";
export { answersFromForm } from "../../src/assessments/objective-paper";

/**
 * Props for `<ObjectiveResult />` on the result page, for a scored Reading or Listening
 * assessment; null for anything else (a draft, another skill, a paper no longer in the bank).
 */
export function loadObjectiveResult(
  assessment: Assessment,
): { assessment: ObjectiveReview } | null {
  const test = testOf(assessment);
  if (!test || !assessment.marking) return null;
  return {
    assessment: reviewOf(test, {
      assessmentId: assessment.assessmentId,
      late: assessment.late,
      submittedAt: assessment.submittedAt,
      answers: assessment.answers,
      marking: assessment.marking,
      mockId: objectiveSubmission(assessment)?.mockId,
      explanations: assessment.explanations,
    }),
  };
}

/** Where an unfinished Reading or Listening paper is taken, for the result page's draft redirect. */
export function objectiveResumeUrl(assessment: Assessment): string | null {
  const submission = objectiveSubmission(assessment);
  if (!submission) return null;
  const query = new URLSearchParams({ module: submission.module });
  if (submission.mockId) query.set("mockId", submission.mockId);
  return `/assessments/${assessment.skill}/new?${query}`;
}

const moduleSchema = z.enum(["academic", "general"]).catch("academic");

/** `?module=`, Academic unless it says General Training. */
export function moduleFrom(request: Request) {
  return moduleSchema.parse(new URL(request.url).searchParams.get("module") ?? undefined);
}

function query(request: Request) {
  const params = new URL(request.url).searchParams;
  return {
    module: moduleFrom(request),
    mockId: assessmentIdFrom(params.get("mockId")),
  };
}

/**
 * GET of a Reading or Listening test page: resumes the student's paper in progress or starts
 * a new one (the server's start time and deadline are the ones that count).
 */
export async function loadTestPage(request: Request, skill: ObjectiveSkill) {
  const user = await requireUser(request);
  const { module, mockId } = query(request);
  // A mock id that is not the student's own open mock is ignored, not trusted.
  const mock = mockId ? await ownMock(mockId, user.userId) : null;
  if (mock?.status === "draft") {
    const refusal = stepRefusal((await loadMock(mock)).steps, skill);
    if (refusal) throw redirect(`/mock-tests/${mock.assessmentId}?notice=${refusal}`);
  }
  const { assessment, test } = await openObjectiveDraft({
    userId: user.userId,
    skill,
    module,
    mockId: mock?.status === "draft" ? mock.assessmentId : undefined,
  });
  return {
    assessmentId: assessment.assessmentId,
    skill,
    heading: `${test.title}`,
    blocks: paperView(test),
    answers: assessment.answers ?? {},
    deadlineAt: assessment.deadlineAt ?? new Date().toISOString(),
    serverNow: Date.now(),
  };
}

/**
 * POST of a test page: every intent saves the answers first, so nothing typed is lost. "submit"
 * with questions unanswered re-renders the page with a summary; "confirm-submit" (or "submit"
 * with everything answered) marks at once and shows the result.
 */
export async function handleTestPost(request: Request) {
  const user = await requireUser(request);
  const { form, problem } = await readForm(request);
  const [assessmentId, intent] = [form.get("assessmentId"), form.get("intent")].map((v) =>
    typeof v === "string" ? v : "",
  );
  const id = assessmentIdFrom(assessmentId);
  const found = id ? await ownObjective(id, user.userId) : null;
  if (!found) throw json({ message: "That test was not found." }, { status: 404 });
  const { assessment, test } = found;
  // A second click on "Submit", or a late autosave, lands on the result of the first.
  if (assessment.status !== "draft") {
    if (intent === "save") return json({ savedAt: null, unanswered: null, formError: null });
    return redirect(`/assessments/${assessment.assessmentId}`);
  }
  const answers = answersFromForm(form, questionsOf(test));
  if (problem) return json({ savedAt: null, unanswered: null, formError: problem }, 403);
  if (intent === "submit" || intent === "confirm-submit") {
    const unanswered = unansweredNumbers(
      paperLayout(test).flatMap((b) => b.groups.flatMap((g) => g.numbered)),
      answers,
    );
    if (intent === "submit" && unanswered.length > 0) {
      await saveObjectiveAnswers(assessment, user.userId, answers);
      return json({ savedAt: null, unanswered, formError: null });
    }
    await submitObjective(assessment, test, answers, publishEvent);
    return redirect(`/assessments/${assessment.assessmentId}`);
  }
  await saveObjectiveAnswers(assessment, user.userId, answers);
  return json({ savedAt: new Date().toISOString(), unanswered: null, formError: null });
}
