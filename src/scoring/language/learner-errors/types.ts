import type { Token } from "../nlp";
import type { AnalysisMode, LanguageIssue } from "../types";

export type Finding = Omit<LanguageIssue, "kind" | "source">;

/** A dictionary lookup; a misspelt noun ("poeple") must not be read as a singular subject. */
export type KnownWord = (word: string) => boolean;

/** One sentence as a detector sees it: its tokens, with spans into the whole text. */
export interface Sentence {
  text: string;
  tokens: readonly Token[];
  known: KnownWord;
}

/** One family of learner errors: what it finds in a sentence, and in which modes it runs. */
export interface Detector {
  modes: readonly AnalysisMode[];
  find(sentence: Sentence): Finding[];
}
