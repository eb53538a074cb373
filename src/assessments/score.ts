import { spokenText, type Submission } from "../domain/assessment";
import type { ScoringResult } from "../domain/result";
import { scoreWithChain, ScoringFailedError, type AttemptRecord } from "../ai/chain";
import { offlineEvidence } from "../ai/local";
import type { ScoringProvider, ScoringRequest, SpeechToText } from "../ai/types";
import { claimForScoring, saveFailed, saveScored } from "../data/assessment-transitions";
import { getAudioStore } from "../data/audio-store";
import { listRubricTexts } from "../data/rubrics";
import { combineSpeakingParts } from "./combine-speaking";
import { recogniseSpeech } from "./recognise-speech";
import { logSafetyEvent } from "../data/safety-logs";
import { refundCredit } from "../commerce/credits";
import { cloudAudioConsent } from "../privacy/consent";

/** Per provider call, and tries per provider: their product sets the worker's time budget. */
export const SCORING_LIMITS = { timeoutMs: 20_000, attempts: 2 } as const;

export type ScoreOutcome = "scored" | "failed" | "skipped";

export const NO_LISTENER_REASON =
  "This part was recorded, but no speech-to-text is set up here, so it was not scored. Your recording is kept: type what you said to have it scored, or score it again once a speech provider is configured.";
export const NOT_HEARD_REASON =
  "This part was recorded, but the recording could not be understood, so it was not scored. Your recording is kept: type what you said to have it scored.";
export const NO_CONSENT_REASON =
  "This part was recorded, but you have not agreed to recordings being sent to a cloud model, so it was not sent or scored. Your recording is kept: agree on your account page and submit again, or type what you said to have it scored.";
export const NOTHING_HEARD_MESSAGE =
  "Your recordings are saved, but none of them could be scored: no speech-to-text is set up here, or the recordings could not be understood. Type what you said in each part to have it scored.";

type SpeakingAnswer = Extract<Submission, { kind: "speaking" }>["parts"][number];
type Chain = (
  request: ScoringRequest,
  providers: readonly ScoringProvider[],
) => ReturnType<typeof scoreWithChain>;

/**
 * Scores every part it can. A recording with no transcript goes only to scorers that listen;
 * with none, or when none understood it, the part is left out and says why: a band for
 * silence would be a band for something the student never did.
 */
async function scoreSpeakingParts(
  submission: Extract<Submission, { kind: "speaking" }>,
  providers: readonly ScoringProvider[],
  runChain: Chain,
  consent: () => Promise<boolean>,
  speech: SpeechToText | null,
) {
  const listeners = providers.filter((p) => p.hearsAudio);
  // Asked only when a recording would reach a listening (cloud) model, and asked once.
  const sendsAudio =
    listeners.length > 0 && submission.parts.some((p) => p.audioKey) ? await consent() : false;
  const parts = [];
  const unscoredParts: NonNullable<ScoringResult["unscoredParts"]> = [];
  const attempts: AttemptRecord[] = [];
  for (const answer of submission.parts) {
    const transcript = spokenText(answer);
    const unheard = Boolean(answer.audioKey) && transcript.trim() === "";
    if (unheard && listeners.length === 0) {
      // With speech to text configured and consent given, it has tried this recording and heard
      // nothing; without consent the recording was never sent to it.
      const reason = !speech
        ? NO_LISTENER_REASON
        : (await consent())
          ? NOT_HEARD_REASON
          : NO_CONSENT_REASON;
      unscoredParts.push({ part: answer.part, reason });
      continue;
    }
    if (unheard && !sendsAudio) {
      unscoredParts.push({ part: answer.part, reason: NO_CONSENT_REASON });
      continue;
    }
    // Without consent a typed transcript is still scored, from the text alone.
    const request = await speakingRequest(submission, answer, sendsAudio);
    try {
      const scored = await runChain(request, unheard ? listeners : providers);
      parts.push({ part: answer.part, transcript, result: scored.result });
      attempts.push(...scored.attempts);
    } catch (error) {
      if (!(unheard && error instanceof ScoringFailedError)) throw error;
      attempts.push(...error.attempts);
      unscoredParts.push({ part: answer.part, reason: NOT_HEARD_REASON });
    }
  }
  if (parts.length === 0) throw new NothingHeardError(attempts);
  const combined = combineSpeakingParts(parts);
  return {
    result: unscoredParts.length > 0 ? { ...combined, unscoredParts } : combined,
    attempts,
  };
}

// A recording that cannot be loaded throws: the sweeper retries rather than scoring without it
// and silently leaving Pronunciation out.
async function speakingRequest(
  submission: Extract<Submission, { kind: "speaking" }>,
  answer: SpeakingAnswer,
  withAudio: boolean,
): Promise<ScoringRequest> {
  const audio =
    withAudio && answer.audioKey ? await getAudioStore().load(answer.audioKey) : undefined;
  return {
    kind: "speaking",
    part: answer.part,
    module: submission.module,
    questions: answer.questions,
    transcript: spokenText(answer),
    ...(answer.recognised ? { timings: answer.recognised.words } : {}),
    ...(audio ? { audio: { mimeType: audio.mimeType, data: audio.bytes } } : {}),
  };
}

class NothingHeardError extends Error {
  constructor(readonly attempts: AttemptRecord[]) {
    super("No part of the Speaking test could be heard by a configured scorer.");
  }
}

async function scoreSubmission(
  submission: Submission,
  providers: readonly ScoringProvider[],
  runChain: Chain,
  consent: () => Promise<boolean>,
  speech: SpeechToText | null,
) {
  if (submission.kind === "writing") return runChain(submission, providers);
  // Reading, Listening and mock records are marked when submitted and never published here.
  if (submission.kind !== "speaking")
    throw new Error("Only writing and speaking are scored by workers.");
  return scoreSpeakingParts(submission, providers, runChain, consent, speech);
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
  limits: { timeoutMs: number; attempts: number; deadlineAt?: number } = SCORING_LIMITS,
  speech: SpeechToText | null = null,
): Promise<ScoreOutcome> {
  const claimed = await claimForScoring(assessmentId);
  if (!claimed) return "skipped";
  // Asked at most once, and only when a recording would leave for a cloud service.
  let consented: Promise<boolean> | undefined;
  const consent = () =>
    (consented ??= cloudAudioConsent({ userId: claimed.userId }).then((c) => c.given));
  // Amazon Transcribe is a cloud service too: a recording goes to it only with consent.
  const recorded =
    claimed.submission.kind === "speaking" && claimed.submission.parts.some((p) => p.audioKey);
  const transcriber = speech && recorded && (await consent()) ? speech : null;
  const heard = await recogniseSpeech(assessmentId, claimed.submission, transcriber);
  // An admin's wording of the rubric, read once per scoring: a change applies from the next one.
  const reworded = await listRubricTexts();
  const rubric = Object.fromEntries(reworded.map((r) => [r.rubricId, r.text]));
  const runChain: Chain = async (request, chosen) =>
    scoreWithChain(reworded.length ? { ...request, rubric } : request, chosen, {
      evidence: isUnheard(request) ? null : await offlineEvidence(request),
      ...limits,
      onSafetyEvent: (event) =>
        logSafetyEvent({ assessmentId, userId: claimed.userId, event }).then(() => undefined),
    });
  // An admin's rescore names one provider; the rest of the chain is left out so that the
  // second result is that provider's (or a failure saying why), not a quiet fallback. Offline
  // billing was chosen (or fallen back to) at hand-in, when no credit paid for a cloud model.
  const rescore = claimed.rescoreProvider;
  const chosen = rescore
    ? providers.filter((p) => p.name === rescore)
    : claimed.billing?.scoring === "offline"
      ? providers.filter((p) => p.name === "local")
      : providers;
  // The credit paid for the first scoring, which the student got; a rescore neither charges
  // nor refunds.
  const refund = async () => {
    if (!rescore) await refundCredit(claimed);
  };
  if (chosen.length === 0) {
    await saveFailed(assessmentId, `${claimed.rescoreProvider} is not configured here.`, []);
    return "failed";
  }
  let result: ScoringResult;
  let attempts: AttemptRecord[];
  try {
    ({ result, attempts } = await scoreSubmission(
      heard.submission,
      chosen,
      runChain,
      consent,
      speech,
    ));
  } catch (error) {
    if (error instanceof NothingHeardError) {
      await saveFailed(assessmentId, NOTHING_HEARD_MESSAGE, [...heard.attempts, ...error.attempts]);
      await refund();
      return "failed";
    }
    if (!(error instanceof ScoringFailedError)) throw error;
    await saveFailed(assessmentId, error.userMessage, [...heard.attempts, ...error.attempts]);
    await refund();
    return "failed";
  }
  await saveScored(assessmentId, result, [...heard.attempts, ...attempts]);
  // The credit paid for a cloud model; when every cloud call failed, the free offline scorer did it.
  if (result.provider === "local") await refund();
  return "scored";
}

function isUnheard(request: ScoringRequest): boolean {
  return request.kind === "speaking" && Boolean(request.audio) && request.transcript.trim() === "";
}
