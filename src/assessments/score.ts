import { scoreWithChain, ScoringFailedError, type AttemptRecord } from "../ai/chain";
import { offlineEvidence } from "../ai/local";
import type { ScoringProvider, ScoringRequest, ScoringResult } from "../ai/types";
import { claimForScoring, saveFailed, saveScored } from "../data/assessments";
import { logSafetyEvent } from "../data/safety-logs";

/** Per provider call, and tries per provider: their product sets the worker's time budget. */
export const SCORING_LIMITS = { timeoutMs: 20_000, attempts: 2 } as const;

export type ScoreOutcome = "scored" | "failed" | "skipped";

/**
 * One delivery of a scoring event. The claim (queued -> scoring) makes duplicate deliveries
 * harmless. Only a scoring failure the student should see is saved as `failed`; anything else
 * (the database unreachable, the Lambda killed) leaves the assessment in `scoring`, where the
 * sweeper finds it and queues it again.
 */
export async function scoreAssessment(
  assessmentId: string,
  providers: ScoringProvider[],
  limits: { timeoutMs: number; attempts: number } = SCORING_LIMITS,
): Promise<ScoreOutcome> {
  const claimed = await claimForScoring(assessmentId);
  if (!claimed) return "skipped";
  const request: ScoringRequest = claimed.submission;
  let result: ScoringResult;
  let attempts: AttemptRecord[];
  try {
    ({ result, attempts } = await scoreWithChain(request, providers, {
      evidence: await offlineEvidence(request),
      ...limits,
      onSafetyEvent: (event) =>
        logSafetyEvent({ assessmentId, userId: claimed.userId, event }).then(() => undefined),
    }));
  } catch (error) {
    if (!(error instanceof ScoringFailedError)) throw error;
    await saveFailed(assessmentId, error.userMessage, error.attempts);
    return "failed";
  }
  await saveScored(assessmentId, result, attempts);
  return "scored";
}
