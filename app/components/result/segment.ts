import type { Highlight } from "../../../src/domain/result";
/** `enclosing`: the note is on a stretch with other marks inside, so only its number is shown. */
type Segment = { text: string; note?: number; enclosing?: true };

const overlap = (a: Highlight, b: Highlight) => a.start < b.end && b.start < a.end;
const encloses = (outer: Highlight, inner: Highlight) =>
  outer.start <= inner.start && inner.end <= outer.end;

/**
 * Splits the text at the highlights. Shorter ones are marked first, so a note on a whole sentence
 * ("this sentence is 70 words long") never hides the words marked inside it: it keeps its number,
 * shown where the sentence ends. A highlight that partly overlaps a marked one is skipped rather
 * than garbling the text.
 */
export function segment(text: string, highlights: readonly Highlight[]) {
  const valid = highlights.filter((h) => h.start >= 0 && h.end <= text.length && h.end > h.start);
  const byLength = [...valid].sort(
    (a, b) => a.end - a.start - (b.end - b.start) || a.start - b.start,
  );
  const marked: Highlight[] = [];
  const enclosing: Highlight[] = [];
  for (const h of byLength) {
    const inside = marked.filter((m) => overlap(m, h));
    if (inside.length === 0) marked.push(h);
    else if (inside.every((m) => encloses(h, m))) enclosing.push(h);
  }
  // Numbered in reading order of what the student sees: a mark's start, an enclosing note's end.
  const anchors = [
    ...marked.map((h) => ({ h, at: h.start, enclosing: false })),
    ...enclosing.map((h) => ({ h, at: h.end, enclosing: true })),
  ].sort((a, b) => a.at - b.at || Number(b.enclosing) - Number(a.enclosing));
  const segments: Segment[] = [];
  const notes: Highlight[] = [];
  let at = 0;
  for (const anchor of anchors) {
    if (anchor.at > at) segments.push({ text: text.slice(at, anchor.at) });
    notes.push(anchor.h);
    if (anchor.enclosing) {
      segments.push({ text: "", note: notes.length, enclosing: true });
      at = anchor.at;
    } else {
      segments.push({ text: text.slice(anchor.h.start, anchor.h.end), note: notes.length });
      at = anchor.h.end;
    }
  }
  if (at < text.length) segments.push({ text: text.slice(at) });
  return { segments, notes };
}
