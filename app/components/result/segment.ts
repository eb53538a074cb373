import type { Highlight } from "../../../src/domain/result";
type Segment = { text: string; note?: number };

/** Splits the text at the highlights, skipping any that overlap an earlier one. */
export function segment(text: string, highlights: readonly Highlight[]) {
  const sorted = highlights
    .filter((h) => h.start >= 0 && h.end <= text.length && h.end > h.start)
    .slice()
    .sort((a, b) => a.start - b.start);
  const segments: Segment[] = [];
  const notes: Highlight[] = [];
  let at = 0;
  for (const h of sorted) {
    if (h.start < at) continue;
    if (h.start > at) segments.push({ text: text.slice(at, h.start) });
    notes.push(h);
    segments.push({ text: text.slice(h.start, h.end), note: notes.length });
    at = h.end;
  }
  if (at < text.length) segments.push({ text: text.slice(at) });
  return { segments, notes };
}
