import type { RecognisedSpeech, WritingSubmission } from "../domain/assessment";
import type { Module } from "../domain/module";
import type { ProviderName, ScoringResult } from "../domain/result";

type SpeakingRequest = {
  kind: "speaking";
  part: 1 | 2 | 3;
  module: Module;
  questions: string[];
  transcript: string;
  /** Word timings from speech to text: rate, pauses and the recogniser's confidence. */
  timings?: RecognisedSpeech["words"];
  audio?: { mimeType: string; data: Uint8Array };
};

/**
 * An answer to score, with the rubric wording an admin changed (criterion id -> text, see
 * DEFAULT_RUBRIC in prompt.ts); the defaults fill in the rest.
 */
export type ScoringRequest = (WritingSubmission | SpeakingRequest) & {
  rubric?: Readonly<Record<string, string>>;
};

export interface ScoringProvider {
  name: ProviderName;
  /** It listens to the recording itself, so a part with audio and no transcript can be scored. */
  hearsAudio?: true;
  score(req: ScoringRequest, signal: AbortSignal): Promise<ScoringResult>;
}

/** One recording to transcribe: where it lives (see AudioStore.mediaUri) and a stable job name. */
export type Recording = { jobName: string; mediaUri: string; mimeType?: string };

/** Server-side speech to text for recorded Speaking parts (Amazon Transcribe). */
export interface SpeechToText {
  name: string;
  transcribe(recording: Recording): Promise<RecognisedSpeech>;
}
