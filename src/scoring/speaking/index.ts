import { roundToHalfBand, speakingBand } from "../bands";
import { analyseLanguage, type LanguageAnalysis } from "../language";
import {
  SCALES,
  TARGET_WORDS,
  expectedLinkingCategories,
  interpolate,
  weightedMean,
} from "./criteria";
import {
  blankFillerSounds,
  timedFluency,
  transcriptFluency,
  type TimedFluency,
  type TranscriptFluency,
} from "./fluency";
import type { SpeakingInput } from "./schema";

export { speakingInputSchema, type SpeakingInput, type WordTiming } from "./schema";

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

export interface GrammarError {
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

const MIN_WORDS = 20;
const MIN_LONG_TURN_WORDS = 100;
const NOT_ENGLISH_KNOWN_SHARE = 0.6;
/** Without timings hesitation is invisible, so the transcript alone cannot earn the top bands. */
const TRANSCRIPT_ONLY_FC_CAP = 7.5;
/** harper rules about fluency, not grammar: fillers are scored under Fluency and Coherence. */
const NON_GRAMMAR_RULES = new Set(["FillerWords"]);

const NAMES: Record<keyof SpeakingCriteria, string> = {
  FC: "Fluency and Coherence",
  LR: "Lexical Resource",
  GRA: "Grammatical Range and Accuracy",
  P: "Pronunciation",
};

const NEXT_BAND_ADVICE: Record<keyof SpeakingCriteria, string> = {
  FC: "keep talking with fewer hesitations and fillers, develop each answer with reasons and examples, and signal how ideas connect",
  LR: "use a wider range of words, including some less common words and natural word combinations, and paraphrase instead of repeating the same words",
  GRA: "use more complex sentences (with because, although, which, if) while keeping simple ones accurate",
  P: "make individual sounds and word stress clearer so each word is easy to recognise",
};

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

function extractFeatures(
  fluency: TranscriptFluency,
  timing: TimedFluency | null,
  analysis: LanguageAnalysis,
  input: SpeakingInput,
): SpeakingFeatures {
  const grammarErrors = analysis.issues
    .filter((i) => i.kind === "grammar" && !NON_GRAMMAR_RULES.has(i.rule))
    .map(({ start, end, message, suggestion }) => ({
      start,
      end,
      message,
      ...(suggestion === undefined ? {} : { suggestion }),
    }));
  const clauses = analysis.sentences.reduce(
    (sum, s) => sum + s.subordinateClauses + s.relativeClauses,
    0,
  );
  const per100 = (n: number) => (n / Math.max(1, fluency.contentWords)) * 100;
  const confidences = (input.timings ?? [])
    .map((t) => t.confidence)
    .filter((c): c is number => c !== undefined);
  return {
    ...fluency,
    timing,
    discourseMarkers: analysis.linking.devices.map((d) => d.phrase),
    linkingCategories: analysis.linking.distinctCategories,
    mtld: analysis.lexical.mtld,
    lessFrequentShare: analysis.lexical.lessFrequentShare,
    knownWordShare: analysis.lexical.knownWordShare,
    grammarErrors,
    grammarErrorsPer100Words: per100(grammarErrors.length),
    clausesPer100Words: per100(clauses),
    recogniserConfidence: confidences.length
      ? confidences.reduce((a, b) => a + b, 0) / confidences.length
      : null,
    evidenceBands: {},
  };
}

function fluencyCoherence(features: SpeakingFeatures, part: SpeakingInput["part"]): number {
  const linkingCoverage = Math.min(
    1,
    features.linkingCategories / expectedLinkingCategories(features.words),
  );
  const bands = {
    fillers: interpolate(features.fillersPer100Words, SCALES.fillersPer100Words),
    repetitions: interpolate(features.repetitionsPer100Words, SCALES.repetitionsPer100Words),
    linking: interpolate(linkingCoverage, SCALES.linkingCoverage),
    length: interpolate(features.words / TARGET_WORDS[part ?? "unknown"], SCALES.lengthRatio),
  };
  Object.assign(features.evidenceBands, bands);
  const parts = [
    { band: bands.fillers, weight: 0.3 },
    { band: bands.repetitions, weight: 0.2 },
    { band: bands.linking, weight: 0.25 },
    { band: bands.length, weight: 0.25 },
  ];
  const timing = features.timing;
  if (!timing) return Math.min(TRANSCRIPT_ONLY_FC_CAP, roundToHalfBand(weightedMean(parts)));

  const speechRate = interpolate(timing.speechRate, SCALES.speechRate);
  // Each long silence per minute beyond the first half costs half a band, at most two bands.
  const longPausePenalty = Math.min(2, Math.max(0, timing.longPausesPerMinute - 0.5) * 0.5);
  const pauses = interpolate(timing.pausesPer100Words, SCALES.pausesPer100Words) - longPausePenalty;
  Object.assign(features.evidenceBands, { speechRate, pauses });
  return roundToHalfBand(
    weightedMean([
      ...parts.map((p) => ({ ...p, weight: p.weight * 0.55 })),
      { band: speechRate, weight: 0.2 },
      { band: pauses, weight: 0.25 },
    ]),
  );
}

function lexicalResource(features: SpeakingFeatures): number {
  const diversity = interpolate(features.mtld, SCALES.mtld);
  const lessFrequent = interpolate(features.lessFrequentShare, SCALES.lessFrequentShare);
  Object.assign(features.evidenceBands, { diversity, lessFrequent });
  const band = roundToHalfBand((diversity + lessFrequent) / 2);
  // Diversity measures need some length to mean anything; a short answer shows little range.
  return features.contentWords < 50 ? Math.min(band, 6) : band;
}

function grammar(features: SpeakingFeatures): number {
  const accuracy = interpolate(features.grammarErrorsPer100Words, SCALES.grammarErrorsPer100Words);
  const range = interpolate(features.clausesPer100Words, SCALES.clausesPer100Words);
  Object.assign(features.evidenceBands, { grammarAccuracy: accuracy, grammarRange: range });
  // Each side limits the other: complex sentences full of errors are not band 8, and accurate
  // but only simple sentences are not band 7 (the descriptors ask for both).
  return Math.min(
    roundToHalfBand((accuracy + range) / 2),
    roundToHalfBand(accuracy + 1),
    roundToHalfBand(range + 1),
  );
}

function pronunciation(features: SpeakingFeatures, input: SpeakingInput): number | null {
  const evidence = [input.acoustic?.pronunciationConfidence, features.recogniserConfidence].filter(
    (c): c is number => c !== undefined && c !== null,
  );
  if (evidence.length === 0) return null;
  const mean = evidence.reduce((a, b) => a + b, 0) / evidence.length;
  const band = interpolate(mean, SCALES.recogniserConfidence);
  features.evidenceBands.pronunciation = band;
  return roundToHalfBand(band);
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

function formatCounts(items: readonly { word: string; count: number }[]): string {
  return items.map((i) => `"${i.word}" x${i.count}`).join(", ");
}

function feedback(
  criteria: SpeakingCriteria,
  overall: number,
  f: SpeakingFeatures,
  flags: readonly SpeakingFlag[],
  analysis: LanguageAnalysis,
  input: SpeakingInput,
): SpeakingResult["feedback"] {
  const p = criteria.P === null ? "not assessed" : String(criteria.P);
  const summary = `Estimated speaking band ${overall}: ${NAMES.FC} ${criteria.FC}, ${NAMES.LR} ${criteria.LR}, ${NAMES.GRA} ${criteria.GRA}, ${NAMES.P} ${p}.`;
  const points: string[] = [];

  if (flags.includes("too-short")) {
    points.push(
      `Your answer has only ${f.contentWords} words, too little to show your English. Answer in full sentences and add a reason or an example.`,
    );
  }
  if (flags.includes("not-english")) {
    points.push("Most of the answer is not recognisable English, so it cannot be rated higher.");
  }
  if (criteria.P === null) {
    points.push(
      "Pronunciation was not assessed: a transcript carries no evidence of it. The band is the mean of the other three criteria.",
    );
  } else {
    points.push(
      "Pronunciation is estimated from how confidently speech recognition understood your words: a rough measure of how easy you are to understand, not an examiner's judgement.",
    );
  }
  if (flags.includes("too-short") || flags.includes("not-english")) return { summary, points };

  if (!f.timing) {
    points.push(
      "Speech rate and pauses were not measured because there were no word timings: Fluency and Coherence is estimated from the transcript only (fillers, repetition, linking and length).",
    );
  } else {
    const t = f.timing;
    if (t.speechRate < 100) {
      points.push(
        `You spoke at about ${Math.round(t.speechRate)} words a minute; confident speakers manage 110-150. Practise answering familiar questions aloud without stopping.`,
      );
    }
    if (t.pausesPer100Words > 9 || t.longPauses > 0) {
      points.push(
        `You paused ${plural(t.pauses, "time")} for more than half a second${t.longPauses ? ` (${t.longPauses} over two seconds)` : ""}. Plan less, keep going, and use a phrase such as "let me think" instead of long silences.`,
      );
    }
  }
  if (f.fillersPer100Words > 2) {
    points.push(
      `You used ${plural(f.fillers.total, "filler")} in ${f.words} words (${formatCounts(f.fillers.byWord)}). A short silent pause sounds more fluent than "um" or "like".`,
    );
  }
  if (f.repetitions > 0 && f.repetitionsPer100Words > 1.5) {
    points.push(
      `You repeated words or phrases ${plural(f.repetitions, "time")} (e.g. "${f.repeated.slice(0, 3).join('", "')}"). Restarting is natural, but frequent restarts suggest hesitation.`,
    );
  }
  if (flags.includes("short-long-turn")) {
    points.push(
      `Your long turn has ${f.contentWords} words; in two minutes most candidates say 180 or more. Cover every point on the cue card and add details and feelings.`,
    );
  }
  if (f.linkingCategories < expectedLinkingCategories(f.words)) {
    points.push(
      f.discourseMarkers.length
        ? `You linked ideas with ${f.discourseMarkers.map((d) => `"${d}"`).join(", ")}. Show more kinds of connection: contrast ("on the other hand"), examples ("for instance"), results ("so that's why").`
        : `Connect your ideas with linking words: contrast ("however"), examples ("for instance"), reasons ("because").`,
    );
  }
  if (analysis.linking.mechanical || analysis.linking.overused.length) {
    points.push(
      `Some linking sounds mechanical${analysis.linking.overused.length ? ` ("${analysis.linking.overused.join('", "')}" used too often)` : ""}; vary how you connect ideas.`,
    );
  }
  const repeatedWords = analysis.repeatedWords.filter((r) => r.count >= 3).slice(0, 3);
  if (repeatedWords.length) {
    points.push(`You often repeated ${formatCounts(repeatedWords)}; try synonyms or paraphrase.`);
  }
  for (const error of f.grammarErrors.slice(0, 3)) {
    const said = input.transcript.slice(error.start, error.end);
    points.push(
      `"${said}": ${error.message}${error.suggestion ? ` Try "${error.suggestion}".` : ""}`,
    );
  }
  if (f.clausesPer100Words < 3) {
    points.push(
      "Most of your sentences are simple. Add complex ones with because, although, which or if.",
    );
  }

  const assessed = (Object.keys(criteria) as (keyof SpeakingCriteria)[]).filter(
    (k) => criteria[k] !== null,
  );
  const weakest = assessed.reduce((a, b) => ((criteria[b] ?? 9) < (criteria[a] ?? 9) ? b : a));
  const weakestBand = criteria[weakest] ?? 0;
  if (weakestBand < 9) {
    points.push(
      `${NAMES[weakest]} holds your band down most (${weakestBand}). To reach ${Math.min(9, Math.floor(weakestBand) + 1)}: ${NEXT_BAND_ADVICE[weakest]}.`,
    );
  }
  return { summary, points };
}
