import type { LanguageAnalysis } from "../language";
import type { TimedFluency, TranscriptFluency } from "./fluency";
import type { SpeakingInput } from "./schema";
import type { SpeakingFeatures } from "./types";

/** harper rules about fluency, not grammar: fillers are scored under Fluency and Coherence. */
const NON_GRAMMAR_RULES = new Set(["FillerWords"]);

/** The measurements every criterion is rated from, and that the student is shown. */
export function extractFeatures(
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
