import type { Submission } from "../domain/assessment";
import type { ScoringResult } from "../domain/result";
import { scoreWithChain, ScoringFailedError, type AttemptRecord } from "../ai/chain";
import { offlineEvidence } from "../ai/local";
import type { ScoringProvider, ScoringRequest } from "../ai/types";
import { claimForScoring, saveFailed, saveScored } from "../data/assessments";
import { getAudioStore } from "../data/audio-store";
import { combineSpeakingParts } from "./combine-speaking";
import { logSafetyEvent } from "../data/safety-logs";

/** Per provider call, and tries per provider: their product sets the worker's time budget. */
export const SCORING_LIMITS = { timeoutMs: 20_000, attempts: 2 } as const;

export type ScoreOutcome = "scored" | "failed" | "skipped";

type RunChain = (request: ScoringRequest) => ReturnType<typeof scoreWithChain>;

async function scoreSubmission(submission: Submission, runChain: RunChain) {
  if (submission.kind === "writing") return runChain(submission);
  // Reading, Listening and mock records are marked when submitted and never published here.
  if (submission.kind !== "speaking")
    throw new Error("Only writing and speaking are scored by workers.");
  const parts = [];
  const attempts: AttemptRecord[] = [];
  for (const answer of submission.parts) {
    // A recording that cannot be loaded throws: the sweeper retries rather than scoring
    // without it and silently leaving Pronunciation out.
    const audio = answer.audioKey ? await getAudioStore().load(answer.audioKey) : undefined;
    const scored = await runChain({
      kind: "speaking",
      part: answer.part,
      module: submission.module,
      questions: answer.questions,
      transcript: answer.transcript,
      ...(audio ? { audio: { mimeType: audio.mimeType, data: audio.bytes } } : {}),
    });
    parts.push({ part: answer.part, transcript: answer.transcript, result: scored.result });
    attempts.push(...scored.attempts);
  }
  return { result: combineSpeakingParts(parts), attempts };
}

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
  const runChain = async (request: ScoringRequest) =>
    scoreWithChain(request, providers, {
      evidence: await offlineEvidence(request),
      ...limits,
      onSafetyEvent: (event) =>
        logSafetyEvent({ assessmentId, userId: claimed.userId, event }).then(() => undefined),
    });
  let result: ScoringResult;
  let attempts: AttemptRecord[];
  try {
    ({ result, attempts } = await scoreSubmission(claimed.submission, runChain));
  } catch (error) {
    if (!(error instanceof ScoringFailedError)) throw error;
    await saveFailed(assessmentId, error.userMessage, error.attempts);
    return "failed";
  }
  await saveScored(assessmentId, result, attempts);
  return "scored";
}
