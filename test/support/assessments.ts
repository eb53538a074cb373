import {
  isObjective,
  isScoredByWorker,
  type AssessmentBySkill,
  type ObjectiveAssessment,
  type ProviderAttempt,
  type ScoredAssessment,
  type WritingAssessment,
  type WritingSubmission,
} from "../../src/domain/assessment";
import type { ScoringResult } from "../../src/domain/result";
import { publishEvent, type Publish } from "../../src/data/events";
import { createAssessment, getAssessment, type NewAssessment } from "../../src/data/assessments";
import { claimForScoring, saveScored } from "../../src/data/assessment-transitions";
import { scoringResult } from "./results";

/** The stored Writing or Speaking assessment: a missing one, or another skill, fails the test. */
export async function storedScored(assessmentId: string): Promise<ScoredAssessment> {
  const assessment = await getAssessment(assessmentId);
  if (!assessment || !isScoredByWorker(assessment)) {
    throw new Error(`${assessmentId} is not a stored Writing or Speaking assessment`);
  }
  return assessment;
}

/** The stored Reading or Listening assessment: a missing one, or another skill, fails the test. */
export async function storedObjective(assessmentId: string): Promise<ObjectiveAssessment> {
  const assessment = await getAssessment(assessmentId);
  if (!assessment || !isObjective(assessment)) {
    throw new Error(`${assessmentId} is not a stored Reading or Listening assessment`);
  }
  return assessment;
}

/** An Academic Task 2 essay with the prompt and response given. */
export function task2(prompt: string, response: string): WritingSubmission {
  return { kind: "writing", task: 2, module: "academic", prompt, response };
}

/** A student's Academic Task 2 essay, handed in (queued) but not yet taken by the worker. */
export function queuedEssay(
  userId: string,
  prompt = "Discuss.",
  response = "x",
  now?: Date,
): Promise<WritingAssessment> {
  return createAssessment({
    userId,
    skill: "writing",
    status: "queued",
    submission: task2(prompt, response),
    now,
  });
}

/** An assessment handed in and scored straight in the database, as the worker would. */
export async function scoredAssessment<S extends ScoredAssessment["skill"]>(
  input: NewAssessment<S>,
  result: ScoringResult,
  attempts: ProviderAttempt[] = [],
): Promise<AssessmentBySkill[S]> {
  const assessment = await createAssessment(input);
  await claimForScoring(assessment.assessmentId);
  await saveScored(assessment.assessmentId, result, attempts);
  return assessment;
}

/** A student's Task 2 essay, scored `band` on every criterion. */
export function scoredEssay(userId: string, band: number): Promise<WritingAssessment> {
  return scoredAssessment(
    { userId, skill: "writing", status: "queued", submission: task2("A prompt.", "An essay.") },
    scoringResult({ TR: band, CC: band, LR: band, GRA: band }, band),
  );
}

/**
 * Polls the assessment until the worker has finished with it (scored or failed); past
 * `timeoutMs` the test fails with the status it was left in.
 */
export async function settled(
  assessmentId: string,
  { timeoutMs = 90_000, pollMs = 500 }: { timeoutMs?: number; pollMs?: number } = {},
): Promise<ScoredAssessment> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const assessment = await storedScored(assessmentId);
    if (assessment.status === "scored" || assessment.status === "failed") return assessment;
    if (Date.now() > deadline) throw new Error(`still ${assessment.status} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}

/**
 * The assessment's event delivered twice at once, as SNS may deliver it; resolves once both are
 * published, not handled.
 */
export async function publishTwice(
  name: Parameters<Publish>[0],
  assessmentId: string,
): Promise<void> {
  await Promise.all([publishEvent(name, { assessmentId }), publishEvent(name, { assessmentId })]);
}
