import type { WordTiming } from "./schema";

/** Hesitation sounds that are fillers wherever they occur. */
const FILLER_SOUNDS = new Set([
  "um",
  "umm",
  "uh",
  "uhh",
  "uhm",
  "er",
  "erm",
  "ah",
  "eh",
  "hmm",
  "mm",
]);

/**
 * The transcript with hesitation sounds overwritten by spaces, so the language analysers do
 * not count "um" as vocabulary or grammar while their character offsets still point into the
 * original transcript.
 */
export function blankFillerSounds(transcript: string): string {
  return transcript.replace(/[\p{L}]+/gu, (word) =>
    FILLER_SOUNDS.has(word.toLowerCase()) ? " ".repeat(word.length) : word,
  );
}

/** A word, or a punctuation mark the transcriber wrote (commas tell us how "like" was used). */
interface Token {
  text: string;
  isWord: boolean;
}

function tokenise(transcript: string): Token[] {
  const matches = transcript
    .toLowerCase()
    .replace(/\u2019/g, "'")
    .match(/[\p{L}\p{N}]+(?:['-][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu);
  return (matches ?? []).map((text) => ({ text, isWord: /[\p{L}\p{N}]/u.test(text) }));
}

interface FillerCount {
  total: number;
  /** Each filler and how often it occurred, most frequent first. */
  byWord: { word: string; count: number }[];
}

export interface TranscriptFluency {
  /** Every spoken word, fillers included. */
  words: number;
  /** Words that carry the message: fillers left out. */
  contentWords: number;
  fillers: FillerCount;
  fillersPer100Words: number;
  /** Words or two-word phrases said twice in a row ("I I", "I think I think"). */
  repetitions: number;
  repetitionsPer100Words: number;
  repeated: string[];
}

const isPause = (t: Token | undefined) =>
  t !== undefined && !t.isWord && /[,.;:!?\u2026-]/.test(t.text);

/**
 * "like" and "you know" are fillers only some of the time ("I like tea", "you know the
 * answer"). Without audio the transcript's commas and neighbouring fillers are the evidence:
 * "it's, like, big", "like um", "you know, it...". Unmarked fillers are missed, so the count
 * errs low rather than punish ordinary uses.
 */
function fillerAt(tokens: readonly Token[], i: number): { word: string; length: number } | null {
  const t = tokens[i]!;
  if (!t.isWord) return null;
  if (FILLER_SOUNDS.has(t.text)) return { word: t.text, length: 1 };
  const before = tokens[i - 1];
  const nearFiller = (k: number) => FILLER_SOUNDS.has(tokens[k]?.text ?? "");
  if (t.text === "like") {
    const setOff = isPause(before) || isPause(tokens[i + 1]);
    if (setOff || nearFiller(i - 1) || nearFiller(i + 1)) return { word: "like", length: 1 };
  }
  if (t.text === "you" && tokens[i + 1]?.text === "know") {
    const after = tokens[i + 2];
    if (after === undefined || isPause(after) || nearFiller(i + 2) || isPause(before)) {
      return { word: "you know", length: 2 };
    }
  }
  return null;
}

/** Doubled words that are grammatical: "that that", "had had". */
const LEGITIMATE_DOUBLES = new Set(["that", "had"]);

export function transcriptFluency(transcript: string): TranscriptFluency {
  const tokens = tokenise(transcript);
  const fillerCounts = new Map<string, number>();
  const spoken: string[] = [];
  let words = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (!tokens[i]!.isWord) continue;
    const filler = fillerAt(tokens, i);
    if (filler) {
      fillerCounts.set(filler.word, (fillerCounts.get(filler.word) ?? 0) + 1);
      words += filler.length;
      i += filler.length - 1;
      continue;
    }
    words++;
    spoken.push(tokens[i]!.text);
  }

  // Fillers are removed first so that "I um I went" still shows the restart.
  const repeated: string[] = [];
  for (let i = 1; i < spoken.length; i++) {
    const word = spoken[i]!;
    if (word === spoken[i - 1] && !LEGITIMATE_DOUBLES.has(word)) {
      repeated.push(word);
    } else if (
      i >= 3 &&
      word === spoken[i - 2] &&
      spoken[i - 1] === spoken[i - 3] &&
      word !== spoken[i - 1]
    ) {
      repeated.push(`${spoken[i - 1]} ${word}`);
    }
  }

  const total = [...fillerCounts.values()].reduce((a, b) => a + b, 0);
  const per100 = (n: number) => (words === 0 ? 0 : (n / words) * 100);
  return {
    words,
    contentWords: spoken.length,
    fillers: {
      total,
      byWord: [...fillerCounts]
        .map(([word, count]) => ({ word, count }))
        .sort((a, b) => b.count - a.count),
    },
    fillersPer100Words: per100(total),
    repetitions: repeated.length,
    repetitionsPer100Words: per100(repeated.length),
    repeated,
  };
}

const PAUSE_SECONDS = 0.5;
const LONG_PAUSE_SECONDS = 2;

export interface TimedFluency {
  /** From the first word's start to the last word's end. */
  durationSeconds: number;
  /** Words per minute, fillers left out: the rate at which the message comes across. */
  speechRate: number;
  /** Silent gaps between words longer than PAUSE_SECONDS. */
  pauses: number;
  /** Of those, gaps longer than LONG_PAUSE_SECONDS. */
  longPauses: number;
  pausesPer100Words: number;
  longPausesPerMinute: number;
  /** Mean words between pauses: how long the speaker keeps going. */
  meanRunLength: number;
}

/** Rate and pauses from word timings; null when there are too few words to time. */
export function timedFluency(timings: readonly WordTiming[]): TimedFluency | null {
  const sorted = [...timings].sort((a, b) => a.start - b.start);
  const first = sorted[0];
  if (!first || sorted.length < 2) return null;
  const durationSeconds = Math.max(...sorted.map((t) => t.end)) - first.start;
  if (durationSeconds <= 0) return null;

  let pauses = 0;
  let longPauses = 0;
  let previousEnd = first.end;
  for (const t of sorted.slice(1)) {
    const gap = t.start - previousEnd;
    if (gap > PAUSE_SECONDS) pauses++;
    if (gap > LONG_PAUSE_SECONDS) longPauses++;
    previousEnd = Math.max(previousEnd, t.end);
  }
  const spoken = sorted.filter(
    (t) => !FILLER_SOUNDS.has(t.word.toLowerCase().replace(/[^a-z]/g, "")),
  );
  const minutes = durationSeconds / 60;
  return {
    durationSeconds,
    speechRate: spoken.length / minutes,
    pauses,
    longPauses,
    pausesPer100Words: (pauses / sorted.length) * 100,
    longPausesPerMinute: longPauses / minutes,
    meanRunLength: sorted.length / (pauses + 1),
  };
}
