// Routes reach Reading, Listening, mock tests and drills only through here (see
// accounts.server.ts for why).
import { moduleFrom as moduleOf } from "../../src/domain/module";
import type { Assessment } from "../../src/domain/assessment";
import { json, redirect } from "@remix-run/node";
import { questionsOf } from "../../src/content/papers";
import { assessmentIdFrom } from "../../src/assessments/ids";
import { loadMock, ownMock, stepRefusal } from "../../src/assessments/mock";
import {
  findObjectiveDraft,
  objectiveSubmission,
  openObjectiveDraft,
  ownObjective,
  saveObjectiveAnswers,
  submitObjective,
  testOf,
  type ObjectiveSkill,
} from "../../src/assessments/objective";
import type { MockStep } from "../../src/assessments/mock-steps";
import { publishEvent } from "../../src/data/events";
import {
  LISTENING_MINUTES,
  READING_MINUTES,
  answersFromForm,
  paperLayout,
  paperView,
  reviewOf,
  unansweredNumbers,
  type ObjectiveReview,
} from "../../src/assessments/objective-paper";
import { readForm } from "~/security/form.server";
import { requireUser } from "~/permissions.server";

export {
  currentStep,
  loadMock,
  mockIdOf,
  openMockFor,
  ownMock,
  startMock,
  type StepRefusal,
  type StepState,
} from "../../src/assessments/mock";
export {
  drillPaper,
  drillSet,
  drillStart,
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

/** `?module=`, Academic unless it says General Training. */
export function moduleFrom(request: Request) {
  return moduleOf(new URL(request.url).searchParams.get("module"));
}

/**
 * The student's open mock named by `?mockId=`, after checking this step's turn has come (else
 * back to the mock page, saying why). Every skill's page starts its attempt with this id, so
 * the attempt counts in the mock by itself.
 */
export async function mockSlot(
  request: Request,
  userId: string,
  step: MockStep,
): Promise<string | undefined> {
  const mockId = assessmentIdFrom(new URL(request.url).searchParams.get("mockId"));
  // A mock id that is not the student's own open mock (or not an id at all) is ignored.
  const mock = mockId ? await ownMock(mockId, userId) : null;
  if (mock?.status !== "draft") return undefined;
  const refusal = stepRefusal((await loadMock(mock)).steps, step);
  if (refusal) throw redirect(`/mock-tests/${mock.assessmentId}?notice=${refusal}`);
  return mock.assessmentId;
}

/**
 * GET of a Reading or Listening test page: the paper in progress, or, when there is none, the
 * paper's introduction with a Start button. A GET writes nothing: a link (even from another
 * site) must not start a timed test; the POST of "Start" does.
 */
export async function loadTestPage(request: Request, skill: ObjectiveSkill) {
  const user = await requireUser(request);
  const module = moduleFrom(request);
  const mockId = await mockSlot(request, user.userId, skill);
  const open = await findObjectiveDraft({ userId: user.userId, skill, module, mockId });
  if (!open) {
    return {
      started: false as const,
      skill,
      module,
      inMock: mockId !== undefined,
      minutes: skill === "reading" ? READING_MINUTES : LISTENING_MINUTES,
    };
  }
  const { assessment, test } = open;
  return {
    started: true as const,
    assessmentId: assessment.assessmentId,
    skill,
    heading: `${test.title}`,
    blocks: paperView(test),
    answers: assessment.answers ?? {},
    deadlineAt: assessment.deadlineAt ?? new Date().toISOString(),
    serverNow: Date.now(),
  };
}

/** POST of "Start": opens the paper (or finds the one already open) and shows it. */
async function startTest(request: Request, userId: string, skill: ObjectiveSkill) {
  const mockId = await mockSlot(request, userId, skill);
  await openObjectiveDraft({ userId, skill, module: moduleFrom(request), mockId });
  const url = new URL(request.url);
  return redirect(`${url.pathname}${url.search}`);
}

/**
 * POST of a test page: every intent saves the answers first, so nothing typed is lost. "submit"
 * with questions unanswered re-renders the page with a summary; "confirm-submit" (or "submit"
 * with everything answered) marks at once and shows the result.
 */
export async function handleTestPost(request: Request, skill: ObjectiveSkill) {
  const user = await requireUser(request);
  const { form, problem } = await readForm(request);
  const [assessmentId, intent] = [form.get("assessmentId"), form.get("intent")].map((v) =>
    typeof v === "string" ? v : "",
  );
  if (intent === "start") {
    if (problem) return json({ savedAt: null, unanswered: null, formError: problem }, 403);
    return startTest(request, user.userId, skill);
  }
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
