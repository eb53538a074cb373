import type { Assessment, ProviderAttempt, WritingSubmission } from "../../src/domain/assessment";
import type { ScoringResult } from "../../src/domain/result";
import { publishEvent, type Publish } from "../../src/data/events";
import {
  claimForScoring,
  createAssessment,
  getAssessment,
  saveScored,
} from "../../src/data/assessments";

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
): Promise<Assessment> {
  return createAssessment({
    userId,
    skill: "writing",
    status: "queued",
    submission: task2(prompt, response),
    now,
  });
}

/** An assessment handed in and scored straight in the database, as the worker would. */
export async function scoredAssessment(
  input: Parameters<typeof createAssessment>[0],
  result: ScoringResult,
  attempts: ProviderAttempt[] = [],
): Promise<Assessment> {
  const assessment = await createAssessment(input);
  await claimForScoring(assessment.assessmentId);
  await saveScored(assessment.assessmentId, result, attempts);
  return assessment;
}

/**
 * Polls the assessment until the worker has finished with it (scored or failed); past
 * `timeoutMs` the test fails with the status it was left in.
 */
export async function settled(
  assessmentId: string,
  { timeoutMs = 90_000, pollMs = 500 }: { timeoutMs?: number; pollMs?: number } = {},
): Promise<Assessment> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const assessment = await getAssessment(assessmentId);
    if (assessment?.status === "scored" || assessment?.status === "failed") return assessment;
    if (Date.now() > deadline) throw new Error(`still ${assessment?.status} after ${timeoutMs} ms`);
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
