import { cefrProfile, loadCefrLevels } from "./cefr";
import { loadFrequencyTiers } from "./frequency";
import { findIssues } from "./grammar";
import { findLearnerErrors, mergeIssues } from "./learner-errors";
import { isContentWord, lexicalStats, repeatedWords } from "./lexical";
import { linkingStats, openingDevice } from "./linking";
import { isWordToken, parseText, type Token } from "./nlp";
import { isKnownWord, loadDictionaries, spellingVariety } from "./spelling";
import { analyseSentence, structureStats } from "./structure";
import { countParagraphs, countWords } from "./text";
import { loadFunctionPairs, unexpectedPairShare } from "./word-order";
import type { AnalysisMode, LanguageAnalysis, SentenceInfo, WordToken } from "./types";

export type * from "./types";
export { functionPairs } from "./word-order";

/** Lemmas of the nouns, verbs, adjectives and adverbs of a text (e.g. a prompt's keywords). */
export async function contentLemmas(text: string): Promise<string[]> {
  const { tokens } = await parseText(text);
  return tokens.filter((t) => isWordToken(t) && isContentWord(t)).map((t) => t.lemma);
}

const MIN_KNOWN_SHARE_TO_LINT = 0.5;

export interface AnalyseOptions {
  /** "speech" skips paragraphing and punctuation and capitalisation complaints. */
  mode: AnalysisMode;
  /** Text the answer may quote (the prompt, a chart's labels): its words are never misspelt. */
  context?: readonly string[];
}

function knownWords(context: readonly string[] = []): Set<string> {
  return new Set(context.flatMap((text) => text.toLowerCase().match(/[\p{L}'’-]+/gu) ?? []));
}

/**
 * Everything the writing and speaking scorers measure about the language of a text. The first
 * call loads harper.js, wink-nlp and the dictionaries (a few seconds); later calls reuse them.
 */
export async function analyseLanguage(
  text: string,
  options: AnalyseOptions,
): Promise<LanguageAnalysis> {
  const [parsed, tiers, dicts, knownPairs, cefrLevels] = await Promise.all([
    parseText(text),
    loadFrequencyTiers(),
    loadDictionaries(),
    loadFunctionPairs(),
    loadCefrLevels(),
  ]);
  const words: WordToken[] = parsed.tokens
    .filter(isWordToken)
    .map(({ type: _type, ...word }) => word);

  const isKnown = (w: string) => isKnownWord(dicts, w);
  const lexical = lexicalStats(words, tiers, isKnown);
  // Text in another language is nearly all "misspellings", and harper's suggestions for each
  // take seconds; such text is judged by its known-word share instead.
  const issues =
    lexical.knownWordShare >= MIN_KNOWN_SHARE_TO_LINT
      ? mergeIssues(
          await findIssues(text, options.mode, knownWords(options.context)),
          findLearnerErrors(parsed, options.mode, isKnown),
        )
      : [];

  const sentenceTokens: Token[][] = [];
  const sentences: SentenceInfo[] = [];
  for (const [first, last] of parsed.sentenceRanges) {
    const tokens = parsed.tokens
      .slice(first, last + 1)
      .filter((t) => t.type !== "tabCRLF" && t.text.trim() !== "");
    if (tokens.length === 0) continue;
    const start = (tokens[0] as Token).start;
    const end = (tokens[tokens.length - 1] as Token).end;
    const wordCount = countWords(text.slice(start, end));
    const lower = tokens.filter(isWordToken).map((t) => t.lower);
    const opener = openingDevice(lower);
    sentences.push({
      start,
      end,
      ...analyseSentence(tokens, wordCount),
      ...(opener ? { openingLinker: opener } : {}),
    });
    sentenceTokens.push(tokens);
  }

  return {
    mode: options.mode,
    words,
    wordCount: countWords(text),
    sentences,
    paragraphs: options.mode === "speech" ? 0 : countParagraphs(text),
    issues,
    lexical,
    cefr: cefrProfile(words, cefrLevels),
    structure: structureStats(sentences, sentenceTokens, unexpectedPairShare(words, knownPairs)),
    linking: linkingStats(sentenceTokens.map((ts) => ts.filter(isWordToken).map((t) => t.lower))),
    spelling: spellingVariety(
      dicts,
      words.map((w) => w.text),
    ),
    repeatedWords: repeatedWords(words),
  };
}
