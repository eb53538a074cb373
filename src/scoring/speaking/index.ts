import { speakingBand } from "../bands";
import { analyseLanguage } from "../language";
import { extractFeatures } from "./features";
import { feedback } from "./feedback";
import {
  blankFillerSounds,
  timedFluency,
  transcriptFluency,
  type TimedFluency,
  type TranscriptFluency,
} from "./fluency";
import { fluencyCoherence, grammar, lexicalResource, pronunciation } from "./rating";
import type { SpeakingInput } from "./schema";
import type { SpeakingCriteria, SpeakingFlag, SpeakingResult } from "./types";

export { speakingInputSchema, type SpeakingInput, type WordTiming } from "./schema";

// Below these an answer shows too little to rate in full (see the caps in scoreSpeaking).
const MIN_WORDS = 20;
const MIN_LONG_TURN_WORDS = 100;
const NOT_ENGLISH_KNOWN_SHARE = 0.6;

/**
 * Scores a speaking answer from its transcript, with word timings and acoustic evidence when
 * they exist. Fluency uses rate and pauses only with timings; Pronunciation only with acoustic
 * evidence or recogniser confidences, and is otherwise null rather than invented. The first
 * call loads the language analysers (a few seconds).
 */
export async function scoreSpeaking(input: SpeakingInput): Promise<SpeakingResult> {
  const fluency = transcriptFluency(input.transcript);
  const timing = input.timings ? timedFluency(input.timings) : null;
  if (fluency.contentWords === 0) return noSpeech(fluency, timing);

  const analysis = await analyseLanguage(blankFillerSounds(input.transcript), { mode: "speech" });
  const features = extractFeatures(fluency, timing, analysis, input);
  const flags: SpeakingFlag[] = [];
  if (!timing) flags.push("no-timings");

  const fc = fluencyCoherence(features, input.part);
  const lr = lexicalResource(features);
  const gra = grammar(features);
  const p = pronunciation(features, input);
  let criteria: SpeakingCriteria = { FC: fc, LR: lr, GRA: gra, P: p };

  let cap = 9;
  // Fillers are left out: "um" twenty times is not a twenty-word answer.
  if (features.contentWords < MIN_WORDS) {
    flags.push("too-short");
    cap = features.contentWords < 10 ? 2 : 3;
  }
  if (features.knownWordShare < NOT_ENGLISH_KNOWN_SHARE) {
    flags.push("not-english");
    cap = Math.min(cap, 2);
  }
  if (input.part === 2 && features.contentWords < MIN_LONG_TURN_WORDS && cap > 5) {
    flags.push("short-long-turn");
    criteria.FC = Math.min(criteria.FC, 5);
  }
  criteria = capAll(criteria, cap);

  const band = speakingBand(criteria.FC, criteria.LR, criteria.GRA, criteria.P);
  return {
    overall: band.band,
    criteria,
    pronunciationAssessed: band.pronunciationAssessed,
    flags,
    feedback: feedback(criteria, band.band, features, flags, analysis, input),
    features,
  };
}

function capAll(criteria: SpeakingCriteria, cap: number): SpeakingCriteria {
  return {
    FC: Math.min(criteria.FC, cap),
    LR: Math.min(criteria.LR, cap),
    GRA: Math.min(criteria.GRA, cap),
    P: criteria.P === null ? null : Math.min(criteria.P, cap),
  };
}

function noSpeech(fluency: TranscriptFluency, timing: TimedFluency | null): SpeakingResult {
  return {
    overall: 0,
    criteria: { FC: 0, LR: 0, GRA: 0, P: null },
    pronunciationAssessed: false,
    flags: ["no-speech"],
    feedback: {
      summary: "There is no speech to assess, so no band can be given.",
      points: ["Record or type your answer and try again."],
    },
    features: {
      ...fluency,
      timing,
      discourseMarkers: [],
      linkingCategories: 0,
      mtld: 0,
      lessFrequentShare: 0,
      knownWordShare: 0,
      grammarErrors: [],
      grammarErrorsPer100Words: 0,
      clausesPer100Words: 0,
      recogniserConfidence: null,
      evidenceBands: {},
    },
  };
}
