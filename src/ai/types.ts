import type { ChartFacts, Reliability } from "../scoring/writing";

export type Module = "academic" | "general";

export type WritingRequest = {
  kind: "writing";
  task: 1 | 2;
  module: Module;
  prompt: string;
  response: string;
  /** Academic Task 1 with a chart or table: its data, for the offline scorer's checks. */
  facts?: ChartFacts;
};

export type SpeakingRequest = {
  kind: "speaking";
  part: 1 | 2 | 3;
  module: Module;
  questions: string[];
  transcript: string;
  audio?: { mimeType: string; data: Uint8Array };
};

export type ScoringRequest = WritingRequest | SpeakingRequest;

export type ProviderName = "bedrock" | "gemini" | "local";

export type FeedbackPoint = { criterion: string; kind: "strength" | "improve"; text: string };

export type Highlight = {
  start: number;
  end: number;
  kind: string;
  message: string;
  suggestion?: string;
};

export type ScoringResult = {
  /** Writing: TA (Task 1) or TR (Task 2), CC, LR, GRA. Speaking: FC, LR, GRA, and P only with audio. */
  criteria: Record<string, number>;
  overall: number;
  feedback: { summary: string; points: FeedbackPoint[] };
  /** Offsets into the student's response or transcript. */
  highlights: Highlight[];
  flags: string[];
  /** Measured agreement with examiners; only the offline writing scorer has figures. */
  reliability?: Reliability;
  provider: ProviderName;
  modelId: string;
  selectionReason?: string;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
  latencyMs: number;
};

export interface ScoringProvider {
  name: ProviderName;
  score(req: ScoringRequest, signal: AbortSignal): Promise<ScoringResult>;
}
