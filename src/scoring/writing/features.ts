import { analyseLanguage, contentLemmas, type LanguageAnalysis } from "../language";
import { checkChartData, type DataReport } from "./chart-data";
import {
  copiedWords,
  hasOverview,
  letterFormat,
  minimumWords,
  relevance,
  subjectLemmas,
  type LetterFormat,
  type Relevance,
} from "./task";
import type { WritingInput } from "./types";

export interface WritingEvidence {
  analysis: LanguageAnalysis;
  /** Words that count toward length: prompt copies excluded. */
  countedWords: number;
  copiedShare: number;
  relevance: Relevance;
  overview: boolean;
  letter: LetterFormat;
  /** Academic Task 1 with the chart's data supplied: how the report uses it. */
  data?: DataReport;
  promptLemmas: string[];
  features: Record<string, number>;
  /**
   * The model's error features recounted with every finding the student is shown, learner
   * errors included. The model was fitted on harper's counts alone, so it keeps those; the split
   * into criteria is not fitted, and there the grammar the student is told about must count.
   */
  shownErrors: Pick<Record<string, number>, "grammarPer100" | "errorFreeSentenceShare">;
}

const per100 = (n: number, words: number) => (n / Math.max(1, words)) * 100;

/** Share of sentences in which none of `issues` marks a grammar or spelling error. */
export function errorFreeShare(
  analysis: LanguageAnalysis,
  issues: LanguageAnalysis["issues"],
): number {
  const withError = new Set(
    issues
      .filter((i) => i.kind === "grammar" || i.kind === "spelling")
      .map((i) => analysis.sentences.findIndex((s) => i.start >= s.start && i.start < s.end)),
  );
  return 1 - withError.size / Math.max(1, analysis.sentences.length);
}

/** One pass over the response and prompt; the model and the feedback read the same numbers. */
export async function gatherEvidence(input: WritingInput): Promise<WritingEvidence> {
  const [analysis, promptLemmas] = await Promise.all([
    analyseLanguage(input.response, {
      mode: "writing",
      context: [input.prompt, ...(input.facts?.names ?? [])],
    }),
    contentLemmas(input.prompt),
  ]);
  const { copied, total } = copiedWords(input.prompt, input.response);
  const countedWords = Math.max(0, analysis.wordCount - copied);
  const rel = relevance(promptLemmas, subjectLemmas(analysis.words));
  const overview = hasOverview(input.response);
  const letter = letterFormat(input.response, analysis.wordCount);

  const words = analysis.wordCount;
  // The model was fitted on harper's counts: learner-error findings are shown, not counted.
  const harperIssues = analysis.issues.filter((i) => i.source !== "learner");
  const count = (kind: string) => harperIssues.filter((i) => i.kind === kind).length;
  const { lexical: lx, structure: st, linking: ln } = analysis;
  const lengthRatio = countedWords / minimumWords(input.task);

  const features: Record<string, number> = {
    logWords: Math.log(1 + countedWords),
    lengthRatio: Math.min(2, lengthRatio),
    underLength: Math.max(0, 1 - lengthRatio),
    copiedShare: total === 0 ? 0 : copied / total,
    paragraphs: analysis.paragraphs,
    sentences: analysis.sentences.length,
    grammarPer100: per100(count("grammar"), words),
    spellingPer100: per100(count("spelling"), words),
    punctuationPer100: per100(count("punctuation"), words),
    stylePer100: per100(count("style"), words),
    errorFreeSentenceShare: errorFreeShare(analysis, harperIssues),
    mtld: lx.mtld,
    lemmaTtr: lx.lemmaTypeTokenRatio,
    lessFrequentShare: lx.lessFrequentShare,
    rareShare: lx.rareShare,
    meanWordLength: lx.meanWordLength,
    knownWordShare: lx.knownWordShare,
    stopWordShare: lx.stopWordShare,
    complexShare: st.complexShare + st.compoundComplexShare,
    compoundShare: st.compoundShare,
    subordinatePerSentence: st.subordinatePerSentence,
    relativePerSentence: st.relativePerSentence,
    passivePerSentence: st.passivePerSentence,
    meanSentenceLength: st.meanSentenceLength,
    sentenceLengthSd: st.sentenceLengthSd,
    distinctStructures: st.distinctStructures,
    verblessShare: st.verblessShare,
    implausibleBigramShare: st.implausibleBigramShare,
    linkingDistinct: ln.distinctDevices,
    linkingCategories: ln.distinctCategories,
    linkingPerSentence: ln.perSentence,
    linkingInitialShare: ln.sentenceInitialShare,
    linkingOverused: ln.overused.length,
    repeatedWords: analysis.repeatedWords.length,
    mixedSpelling: analysis.spelling.mixed ? 1 : 0,
    promptCoverage: rel.promptCoverage,
    responseOverlap: rel.responseOverlap,
    overview: overview ? 1 : 0,
    letterFormat: (letter.salutation ? 1 : 0) + (letter.signOff ? 1 : 0) + (letter.purpose ? 1 : 0),
  };
  return {
    analysis,
    countedWords,
    copiedShare: features.copiedShare ?? 0,
    relevance: rel,
    overview,
    letter,
    ...(input.facts && input.task === 1 && input.module === "academic"
      ? { data: checkChartData(input.facts, input.response) }
      : {}),
    promptLemmas,
    features,
    shownErrors: {
      grammarPer100: per100(analysis.issues.filter((i) => i.kind === "grammar").length, words),
      errorFreeSentenceShare: errorFreeShare(analysis, analysis.issues),
    },
  };
}
