import type { WritingEvidence } from "./features";
import { deriveCriteria, featureZ } from "./model";
import type { Criterion, WritingInput } from "./types";

type Signed = [feature: string, sign: 1 | -1];

/** The features that speak for each criterion, with the direction that means "better". */
const EVIDENCE: Record<Criterion, Signed[]> = {
  TR: [
    ["lengthRatio", 1],
    ["promptCoverage", 1],
    ["responseOverlap", 1],
    ["paragraphs", 1],
  ],
  TA: [
    ["lengthRatio", 1],
    ["promptCoverage", 1],
    ["overview", 1],
  ],
  CC: [
    ["linkingCategories", 1],
    ["linkingInitialShare", -1],
    ["paragraphs", 1],
    ["repeatedWords", -1],
  ],
  LR: [
    ["mtld", 1],
    ["lessFrequentShare", 1],
    ["spellingPer100", -1],
    ["meanWordLength", 1],
  ],
  GRA: [
    ["grammarPer100", -1],
    ["errorFreeSentenceShare", 1],
    ["complexShare", 1],
    ["distinctStructures", 1],
  ],
};

/** Half a band per standard deviation of criterion evidence away from the typical response. */
const BAND_PER_SD = 0.5;

export function criteriaFor(input: WritingInput): Criterion[] {
  return [input.task === 1 ? "TA" : "TR", "CC", "LR", "GRA"];
}

/** Evidence offsets in bands for each criterion (before centring). */
function criterionEvidence(
  input: WritingInput,
  ev: WritingEvidence,
): Partial<Record<Criterion, number>> {
  const out: Partial<Record<Criterion, number>> = {};
  const values: Record<string, number> = { ...ev.features, ...ev.shownErrors };
  for (const c of criteriaFor(input)) {
    const signed = EVIDENCE[c].filter(([f]) => !(f === "overview" && input.module === "general"));
    const zs = signed.map(([f, sign]) => sign * featureZ(input.task, f, values[f] ?? 0));
    out[c] = (BAND_PER_SD * zs.reduce((a, b) => a + b, 0)) / Math.max(1, zs.length);
  }
  return out;
}

export function modelCriteria(
  input: WritingInput,
  ev: WritingEvidence,
  overall: number,
): Partial<Record<Criterion, number>> {
  return deriveCriteria(overall, criterionEvidence(input, ev));
}
