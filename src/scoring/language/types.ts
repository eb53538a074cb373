import type { CefrProfile } from "./cefr";
export type AnalysisMode = "writing" | "speech";

export type IssueKind = "grammar" | "spelling" | "punctuation" | "style";

/** A problem found in the text; start/end are UTF-16 offsets into the analysed text. */
export interface LanguageIssue {
  start: number;
  end: number;
  kind: IssueKind;
  message: string;
  suggestion?: string;
  /** The checker's rule name, for filtering and statistics. */
  rule: string;
  /**
   * "learner" for the rule-based learner-error detectors (learner-errors/); absent for
   * harper.js. The writing model's features count harper's issues only, as when it was fitted.
   */
  source?: "learner";
}

export interface WordToken {
  text: string;
  lower: string;
  lemma: string;
  /** Universal part of speech from wink-nlp (NOUN, VERB, AUX, SCONJ, ...). */
  pos: string;
  start: number;
  end: number;
  isStopWord: boolean;
  sentence: number;
}

export type SentenceStructure = "simple" | "compound" | "complex" | "compound-complex";

export interface SentenceInfo {
  start: number;
  end: number;
  wordCount: number;
  structure: SentenceStructure;
  subordinateClauses: number;
  relativeClauses: number;
  passives: number;
  /** The linking device the sentence opens with, if any. */
  openingLinker?: string;
}

export interface LexicalStats {
  /** Measure of textual lexical diversity (McCarthy and Jarvis), length-robust. */
  mtld: number;
  lemmaTypeTokenRatio: number;
  /** Content words outside the ~11,000 most common word forms. */
  lessFrequentShare: number;
  /** Correctly spelled content words outside the ~45,000 most common word forms. */
  rareShare: number;
  meanWordLength: number;
  /** Words either English dictionary recognises; low for text in another language. */
  knownWordShare: number;
  /** Function words (the, of, is, ...): about half of normal English, far less in word lists. */
  stopWordShare: number;
}

export interface StructureStats {
  simpleShare: number;
  compoundShare: number;
  complexShare: number;
  compoundComplexShare: number;
  subordinatePerSentence: number;
  relativePerSentence: number;
  passivePerSentence: number;
  meanSentenceLength: number;
  sentenceLengthSd: number;
  /** How many of the four sentence types occur. */
  distinctStructures: number;
  /** Share of sentences without any verb, high in fragments and word lists. */
  verblessShare: number;
  /** Share of adjacent part-of-speech pairs that English grammar hardly allows. */
  implausibleBigramShare: number;
  /** Share of adjacent function-word pairs rarely seen in English ("the of", "is a the"). */
  unexpectedFunctionPairShare: number;
}

export type LinkingCategory =
  | "addition"
  | "contrast"
  | "cause"
  | "result"
  | "example"
  | "sequence"
  | "comparison"
  | "conclusion"
  | "opinion";

export interface LinkingUse {
  phrase: string;
  category: LinkingCategory;
  count: number;
}

export interface LinkingStats {
  devices: LinkingUse[];
  distinctDevices: number;
  distinctCategories: number;
  perSentence: number;
  /** Share of sentences that open with a linking device. */
  sentenceInitialShare: number;
  /** Nearly every sentence opens with a connective: linking by formula. */
  mechanical: boolean;
  /** Devices used so often that a reader notices. */
  overused: string[];
}

export interface SpellingVariety {
  /** Words spelled the British way only (colour, organise). */
  british: string[];
  /** Words spelled the American way only (color, organize). */
  american: string[];
  mixed: boolean;
}

export interface RepeatedWord {
  word: string;
  count: number;
}

export interface LanguageAnalysis {
  mode: AnalysisMode;
  words: WordToken[];
  /** Words as IELTS counts them: contractions and hyphenated words count once, numbers count. */
  wordCount: number;
  sentences: SentenceInfo[];
  /** 0 in speech mode, where paragraphs do not exist. */
  paragraphs: number;
  issues: LanguageIssue[];
  lexical: LexicalStats;
  /** Vocabulary by CEFR level. */
  cefr: CefrProfile;
  structure: StructureStats;
  linking: LinkingStats;
  spelling: SpellingVariety;
  /** Content words used often, most frequent first. */
  repeatedWords: RepeatedWord[];
}
