import type { LanguageAnalysis } from "../language";
import { expectedLinkingCategories } from "./criteria";
import type { SpeakingInput } from "./schema";
import type { SpeakingCriteria, SpeakingFeatures, SpeakingFlag, SpeakingResult } from "./types";

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

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

function formatCounts(items: readonly { word: string; count: number }[]): string {
  return items.map((i) => `"${i.word}" x${i.count}`).join(", ");
}

/** What to work on, from the flags and features, ending with the criterion that holds the band down. */
export function feedback(
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
