// The HTTP side of Reading, Listening, mock tests and drills: query strings, forms, redirects.
// What the student does is in src/assessments/objective-attempt.ts, shared with the API.
import { moduleFrom as moduleOf } from "../../src/domain/module";
import { isObjective, LISTENING_ADJUSTMENTS, type Assessment } from "../../src/domain/assessment";
import * as z from "zod";
import { json, redirect } from "@remix-run/node";
import {
  answerObjectiveTest,
  mockTurn,
  objectiveTestPage,
  startObjectiveTest,
  type AnswerIntent,
} from "../../src/assessments/objective-attempt";
import { objectiveSubmission, testOf, type ObjectiveSkill } from "../../src/assessments/objective";
import type { MockStep } from "../../src/assessments/mock-steps";
import { publishEvent } from "../../src/data/events";
import { reviewOf, type ObjectiveReview } from "../../src/assessments/objective-review";
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
  if (!test || !isObjective(assessment) || !assessment.marking) return null;
  return {
    assessment: reviewOf(test, {
      assessmentId: assessment.assessmentId,
      late: assessment.late,
      submittedAt: assessment.submittedAt,
      answers: assessment.answers,
      marking: assessment.marking,
      mockId: objectiveSubmission(assessment)?.mockId,
      adjustment: objectiveSubmission(assessment)?.adjustment,
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
  const turn = await mockTurn({ userId }, new URL(request.url).searchParams.get("mockId"), step);
  if ("refused" in turn) throw redirect(`/mock-tests/${turn.mockId}?notice=${turn.refused}`);
  return turn.mockId;
}

async function slotOf(request: Request, userId: string, skill: ObjectiveSkill) {
  return { skill, module: moduleFrom(request), mockId: await mockSlot(request, userId, skill) };
}

/** GET of a Reading or Listening test page. */
export async function loadTestPage(request: Request, skill: ObjectiveSkill) {
  const user = await requireUser(request);
  return objectiveTestPage(user, await slotOf(request, user.userId, skill));
}

// A form without the choice (Reading, or an older page) starts the standard way.
const startWay = z
  .enum(["", "standard", ...LISTENING_ADJUSTMENTS])
  .transform((way) => (way === "" || way === "standard" ? undefined : way));

const INTENTS: readonly AnswerIntent[] = ["save", "submit", "confirm-submit"];

/** POST of a test page: "start", or the answers with what to do with them. */
export async function handleTestPost(request: Request, skill: ObjectiveSkill) {
  const user = await requireUser(request);
  const { form, problem } = await readForm(request);
  const field = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : "";
  };
  const [assessmentId, intent] = [field("assessmentId"), field("intent")];
  if (problem) return json({ savedAt: null, unanswered: null, formError: problem }, 403);
  if (intent === "start") {
    const way = startWay.safeParse(field("adjustment"));
    if (!way.success) {
      return json(
        { savedAt: null, unanswered: null, formError: "Choose one of the ways listed to take it." },
        400,
      );
    }
    await startObjectiveTest(user, await slotOf(request, user.userId, skill), way.data);
    const url = new URL(request.url);
    return redirect(`${url.pathname}${url.search}`);
  }
  const outcome = await answerObjectiveTest(
    user,
    // Anything but a submit is an autosave, so an odd intent still keeps the answers.
    { assessmentId, intent: INTENTS.find((i) => i === intent) ?? "save", form },
    publishEvent,
  );
  switch (outcome.kind) {
    case "not-found":
      throw json({ message: "That test was not found." }, { status: 404 });
    case "handed-in":
      return intent === "save"
        ? json({ savedAt: null, unanswered: null, formError: null })
        : redirect(`/assessments/${outcome.assessmentId}`);
    case "unanswered":
      return json({ savedAt: null, unanswered: outcome.unanswered, formError: null });
    case "submitted":
      return redirect(`/assessments/${outcome.assessmentId}`);
    case "saved":
      return json({ savedAt: outcome.savedAt, unanswered: null, formError: null });
  }
}
