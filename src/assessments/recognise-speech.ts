import { TranscriptionFailedError } from "../ai/transcribe";
import type { SpeechToText } from "../ai/types";
import type { ProviderAttempt, Submission } from "../domain/assessment";
import { getAudioStore } from "../data/audio-store";
import { saveSpeakingParts } from "../data/assessment-transitions";

/** What each stored machine transcript cost: the assessment's spend includes it on every save. */
function transcriptionAttempts(submission: Submission): ProviderAttempt[] {
  if (submission.kind !== "speaking") return [];
  return submission.parts.flatMap(({ recognised }) =>
    recognised
      ? [
          {
            provider: "transcribe",
            modelId: `${recognised.engine} ${recognised.languageCode}`,
            ok: true,
            latencyMs: recognised.latencyMs,
            billed: { inputTokens: 0, outputTokens: 0, costUsd: recognised.costUsd },
          },
        ]
      : [],
  );
}

/**
 * Before a Speaking test is scored, every recorded part with nothing typed is transcribed (all
 * at once) and the transcripts are saved on the assessment. A recording speech to text could
 * not transcribe stays without one, recorded as a failed attempt, and is then scored by a
 * scorer that listens or left out. A job still running, or an outage, is thrown after the
 * finished parts are saved: the retry picks up the rest.
 */
export async function recogniseSpeech(
  assessmentId: string,
  submission: Submission,
  speech: SpeechToText | null,
): Promise<{ submission: Submission; attempts: ProviderAttempt[] }> {
  if (submission.kind !== "speaking" || !speech) {
    return { submission, attempts: transcriptionAttempts(submission) };
  }
  const untranscribed = submission.parts.filter(
    (p) => p.audioKey && p.transcript.trim() === "" && !p.recognised,
  );
  if (untranscribed.length === 0) {
    return { submission, attempts: transcriptionAttempts(submission) };
  }
  const store = getAudioStore();
  const started = Date.now();
  const outcomes = await Promise.allSettled(
    untranscribed.map((p) =>
      speech.transcribe({
        // One job per recording, ever: a retry finds the job it started rather than paying twice.
        jobName: `ielts-${assessmentId}-part-${p.part}`,
        mediaUri: store.mediaUri(p.audioKey!),
        ...(p.audioMimeType ? { mimeType: p.audioMimeType } : {}),
      }),
    ),
  );
  const failed: ProviderAttempt[] = [];
  let retryLater: unknown;
  const parts = submission.parts.map((p) => {
    const i = untranscribed.indexOf(p);
    const outcome = outcomes[i];
    if (!outcome) return p;
    if (outcome.status === "fulfilled") return { ...p, recognised: outcome.value };
    if (outcome.reason instanceof TranscriptionFailedError) {
      const { message } = outcome.reason;
      failed.push({
        provider: speech.name,
        ok: false,
        error: message,
        latencyMs: Date.now() - started,
      });
    } else {
      retryLater ??= outcome.reason;
    }
    return p;
  });
  const heard = { ...submission, parts };
  if (outcomes.some((o) => o.status === "fulfilled")) {
    // Refused only when the assessment is no longer being scored here; its new owner decides.
    await saveSpeakingParts(assessmentId, parts);
  }
  if (retryLater !== undefined) throw retryLater;
  return { submission: heard, attempts: [...transcriptionAttempts(heard), ...failed] };
}
