import type { ParsedText } from "../nlp";
import type { AnalysisMode, LanguageIssue } from "../types";
import { agreement } from "./agreement";
import { determinerNumber } from "./determiner-number";
import { doubleComparative } from "./double-comparative";
import { fixedPhrases } from "./fixed-phrases";
import { lowercaseI } from "./lowercase-i";
import { modalVerb } from "./modal-verb";
import type { Detector, Finding, KnownWord } from "./types";
import { uncountable } from "./uncountable";
import { verbless } from "./verbless";

/**
 * Rule-based detectors for errors typical of English learners, which harper.js (written for
 * fluent writers) mostly misses. Each rule looks only at adjacent tokens and their wink-nlp
 * part of speech and lemma, and gives up whenever the context is ambiguous: a missed error
 * costs less than marking a correct sentence.
 *
 * The registry is ordered by precision, because the first finding on a span wins. The
 * sentence-long "no verb" finding comes last so that it never hides a more precise one.
 */
const DETECTORS: readonly Detector[] = [
  agreement,
  determinerNumber,
  uncountable,
  doubleComparative,
  modalVerb,
  fixedPhrases,
  lowercaseI,
  verbless,
];

/** Learner errors in parsed text, sentence by sentence, with spans into the original text. */
export function findLearnerErrors(
  parsed: ParsedText,
  mode: AnalysisMode,
  known: KnownWord,
): LanguageIssue[] {
  const detectors = DETECTORS.filter((d) => d.modes.includes(mode));
  const findings: Finding[] = [];
  for (const [first, last] of parsed.sentenceRanges) {
    const tokens = parsed.tokens
      .slice(first, last + 1)
      .filter((t) => t.type !== "tabCRLF" && t.text.trim() !== "" && t.end > t.start);
    for (const detector of detectors) {
      findings.push(...detector.find({ text: parsed.text, tokens, known }));
    }
  }
  const issues: LanguageIssue[] = [];
  for (const f of findings) {
    if (issues.some((o) => overlaps(o, f))) continue;
    issues.push({ ...f, kind: "grammar", source: "learner" });
  }
  return issues.sort((a, b) => a.start - b.start || a.end - b.end);
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  a.start < b.end && b.start < a.end;

/**
 * harper's issues plus the learner errors harper has not already marked. A long harper style
 * note (a wordy sentence) does not hide a learner error inside it; any other overlap does.
 */
export function mergeIssues(
  harper: readonly LanguageIssue[],
  learner: readonly LanguageIssue[],
): LanguageIssue[] {
  const blocking = harper.filter((h) => h.kind !== "style" || h.end - h.start <= 30);
  const extra = learner.filter((l) => !blocking.some((h) => overlaps(h, l)));
  return [...harper, ...extra].sort((a, b) => a.start - b.start || a.end - b.end);
}
