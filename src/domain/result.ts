import type { Reliability } from "../scoring/writing";

export type ProviderName = "bedrock" | "gemini" | "local";

type FeedbackPoint = { criterion: string; kind: "strength" | "improve"; text: string };

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
  /**
   * Speaking parts that were recorded but could not be heard by any configured scorer: left out
   * of the bands (never scored as silence) and kept for scoring later.
   */
  unscoredParts?: { part: 1 | 2 | 3; reason: string }[];
  provider: ProviderName;
  modelId: string;
  selectionReason?: string;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
  latencyMs: number;
};
