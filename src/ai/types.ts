import type { WritingSubmission } from "../domain/assessment";
import type { Module } from "../domain/module";
import type { ProviderName, ScoringResult } from "../domain/result";

type SpeakingRequest = {
  kind: "speaking";
  part: 1 | 2 | 3;
  module: Module;
  questions: string[];
  transcript: string;
  audio?: { mimeType: string; data: Uint8Array };
};

export type ScoringRequest = WritingSubmission | SpeakingRequest;

export interface ScoringProvider {
  name: ProviderName;
  /** It listens to the recording itself, so a part with audio and no transcript can be scored. */
  hearsAudio?: true;
  score(req: ScoringRequest, signal: AbortSignal): Promise<ScoringResult>;
}
