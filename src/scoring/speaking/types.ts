import type { TimedFluency, TranscriptFluency } from "./fluency";

export type SpeakingFlag =
  /** Nothing was said. */
  | "no-speech"
  /** Under 20 words: too little language to rate. */
  | "too-short"
  /** Mostly words that are not English. */
  | "not-english"
  /** A Part 2 long turn far short of two minutes' speech. */
  | "short-long-turn"
  /** No word timings: rate and pauses were not measured. */
  | "no-timings";

export interface SpeakingCriteria {
  FC: number;
  LR: number;
  GRA: number;
  /** null when there was no acoustic evidence: pronunciation is not assessed, not guessed. */
  P: number | null;
}

interface GrammarError {
  start: number;
  end: number;
  message: string;
  suggestion?: string;
}

export interface SpeakingFeatures extends TranscriptFluency {
  timing: TimedFluency | null;
  discourseMarkers: string[];
  linkingCategories: number;
  mtld: number;
  lessFrequentShare: number;
  knownWordShare: number;
  /** Offsets point into the transcript as given. */
  grammarErrors: GrammarError[];
  grammarErrorsPer100Words: number;
  /** Subordinate and relative clauses per 100 words: robust to missing punctuation. */
  clausesPer100Words: number;
  /** Mean of the recogniser's per-word confidences, when it gave any. */
  recogniserConfidence: number | null;
  /** The band each piece of evidence points to, before weighting and caps. */
  evidenceBands: Record<string, number>;
}

export interface SpeakingResult {
  overall: number;
  criteria: SpeakingCriteria;
  pronunciationAssessed: boolean;
  flags: SpeakingFlag[];
  feedback: { summary: string; points: string[] };
  features: SpeakingFeatures;
}
