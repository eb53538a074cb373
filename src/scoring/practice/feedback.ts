import { countWords, lowerWords } from "../language/text";

/** One thing a drill looks for; `advice` says what to do when it is missing. */
export interface Check {
  id: string;
  ok: boolean;
  /** What was checked, phrased so it reads as done or not done. */
  label: string;
  /** Shown when the check fails: specific and actionable. */
  advice: string;
}

export interface DrillFeedback {
  summary: string;
  checks: Check[];
  words: number;
}

export function check(id: string, ok: boolean, label: string, advice: string): Check {
  return { id, ok, label, advice };
}

/**
 * Wraps a drill's checks with a summary. Empty answers get no checks at all, so that nothing is
 * ever marked as done for text that is not there.
 */
export function feedback(answer: string, checks: () => Check[]): DrillFeedback {
  const words = countWords(answer);
  if (words === 0) {
    return {
      summary: "Write your answer in the box first, then check it.",
      checks: [],
      words,
    };
  }
  const list = checks();
  const failed = list.filter((c) => !c.ok).length;
  const summary =
    failed === 0
      ? "This does everything the drill checks for. Try another one to make it a habit."
      : `${list.length - failed} of ${list.length} checks met. Start with the first point to fix, then check again.`;
  return { summary, checks: list, words };
}

// Grammar words carry no topic: two texts that share only these are not about the same thing.
const STOP = new Set(
  (
    "about above after again against also been before being below between both cannot could " +
    "does doing down during each from further have having here into itself just more most much " +
    "only other over same should some such than that their them then there these they this " +
    "those through under until very were what when where which while whom whose will with " +
    "would your yours people think many"
  ).split(" "),
);

/**
 * Topic words, cut to a five-letter stem so that "employers"/"employment" and "rose"/"rising"
 * style variants still meet; crude, but it needs no language model.
 */
export function topicStems(text: string): Set<string> {
  return new Set(
    lowerWords(text)
      .filter((w) => w.length >= 4 && !STOP.has(w) && !/\d/.test(w))
      .map((w) => w.replace(/['’]s$/, "").slice(0, 5)),
  );
}

/** Share of the source's topic words that the answer also uses (0 when the source has none). */
export function keptShare(source: string, answer: string): number {
  const wanted = topicStems(source);
  if (wanted.size === 0) return 0;
  const have = topicStems(answer);
  return [...wanted].filter((w) => have.has(w)).length / wanted.size;
}

/** Same words in the same order, ignoring case, spacing and punctuation. */
export function sameWords(a: string, b: string): boolean {
  return lowerWords(a).join(" ") === lowerWords(b).join(" ");
}

export function sentenceCount(text: string): number {
  return text.split(/[.!?]+(?:\s|$)/).filter((s) => /\p{L}/u.test(s)).length;
}
