import { roundToHalfBand } from "../bands";
import {
  SCALES,
  TARGET_WORDS,
  expectedLinkingCategories,
  interpolate,
  weightedMean,
} from "./criteria";
import type { SpeakingInput } from "./schema";
import type { SpeakingFeatures } from "./types";

// One function per criterion: each turns its features into a band and records the evidence
// bands it used in features.evidenceBands, so the student sees what each band rests on.

/** Without timings hesitation is invisible, so the transcript alone cannot earn the top bands. */
const TRANSCRIPT_ONLY_FC_CAP = 7.5;

export function fluencyCoherence(features: SpeakingFeatures, part: SpeakingInput["part"]): number {
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

export function lexicalResource(features: SpeakingFeatures): number {
  const diversity = interpolate(features.mtld, SCALES.mtld);
  const lessFrequent = interpolate(features.lessFrequentShare, SCALES.lessFrequentShare);
  Object.assign(features.evidenceBands, { diversity, lessFrequent });
  const band = roundToHalfBand((diversity + lessFrequent) / 2);
  // Diversity measures need some length to mean anything; a short answer shows little range.
  return features.contentWords < 50 ? Math.min(band, 6) : band;
}

export function grammar(features: SpeakingFeatures): number {
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

export function pronunciation(features: SpeakingFeatures, input: SpeakingInput): number | null {
  const evidence = [input.acoustic?.pronunciationConfidence, features.recogniserConfidence].filter(
    (c): c is number => c !== undefined && c !== null,
  );
  if (evidence.length === 0) return null;
  const mean = evidence.reduce((a, b) => a + b, 0) / evidence.length;
  const band = interpolate(mean, SCALES.recogniserConfidence);
  features.evidenceBands.pronunciation = band;
  return roundToHalfBand(band);
}
