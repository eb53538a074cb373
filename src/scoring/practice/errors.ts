import type { RewriteItem } from "./rewrite";

export interface MarkedText {
  /** Where the text came from, so that an item keeps its id while the history grows. */
  sourceId: string;
  text: string;
  highlights: readonly {
    start: number;
    end: number;
    kind: string;
    message: string;
    suggestion?: string;
  }[];
}

// A drill sentence has to fit on a phone screen and be worth rewriting.
const MAX_SENTENCE = 280;
const MIN_SENTENCE_WORDS = 4;

/** The sentence around [start, end): from the last sentence end before it to the next one. */
export function sentenceAround(text: string, start: number, end: number): string {
  const before = text.slice(0, start);
  const from = Math.max(
    before.lastIndexOf("\n"),
    ...[". ", "! ", "? "].map((mark) => {
      const at = before.lastIndexOf(mark);
      return at === -1 ? -1 : at + 1;
    }),
  );
  const after = text.slice(end).search(/[.!?](\s|$)|\n/);
  const to = after === -1 ? text.length : end + after + 1;
  return text.slice(from + 1, to).trim();
}

export const isGrammarError = (h: { kind: string }) => /^(grammar|punctuation)$/i.test(h.kind);

export const isLinkingError = (h: { kind: string; message: string }) =>
  /^(coherence|cohesion|linking)$/i.test(h.kind) ||
  /\b(linking|linker|connective|connector|cohesive|transition)/i.test(h.message);

/**
 * Rewrite drills from the errors marked in a student's scored texts, newest texts first. The
 * same sentence and error found twice becomes one item.
 */
export function pastErrorItems(
  texts: readonly MarkedText[],
  keep: (h: MarkedText["highlights"][number]) => boolean,
  limit = 12,
): RewriteItem[] {
  const items = new Map<string, RewriteItem>();
  for (const { sourceId, text, highlights } of texts) {
    for (const h of highlights) {
      if (!keep(h) || h.start < 0 || h.end <= h.start || h.end > text.length) continue;
      const flagged = text.slice(h.start, h.end).trim();
      const sentence = sentenceAround(text, h.start, h.end);
      if (!flagged || sentence.length > MAX_SENTENCE) continue;
      if (sentence.split(/\s+/).length < MIN_SENTENCE_WORDS) continue;
      const key = `${sentence}\u0000${flagged}`;
      if (items.has(key)) continue;
      items.set(key, {
        id: `${sourceId}-${h.start}`,
        sentence,
        flagged,
        message: h.message,
        suggestion: h.suggestion?.trim() || undefined,
      });
      if (items.size >= limit) return [...items.values()];
    }
  }
  return [...items.values()];
}
