import type { Highlight } from "../../../src/domain/result";
import { segment } from "./segment";

/**
 * The student's own text with each problem marked and numbered. The number and the list below
 * carry the meaning, so it reads the same without colour or on a screen reader.
 */
export function HighlightedText({ text, highlights }: { text: string; highlights: Highlight[] }) {
  const { segments, notes } = segment(text, highlights);
  return (
    <>
      <div className="card highlighted-text">
        {segments.map((s, i) => {
          if (!s.note) return <span key={i}>{s.text}</span>;
          const number = (
            <sup id={s.enclosing ? `text-${s.note}` : undefined}>
              <a href={`#note-${s.note}`} aria-label={`Note ${s.note}`}>
                {s.note}
              </a>
            </sup>
          );
          return s.enclosing ? (
            <span key={i}>{number}</span>
          ) : (
            <mark key={i} id={`text-${s.note}`}>
              {s.text}
              {number}
            </mark>
          );
        })}
      </div>
      {notes.length ? (
        <ol className="highlight-notes">
          {notes.map((h, i) => (
            <li key={i} id={`note-${i + 1}`}>
              <q>{text.slice(h.start, h.end)}</q>: {h.message}
              {h.suggestion ? (
                <>
                  {" "}
                  Try: <strong>{h.suggestion}</strong>.
                </>
              ) : null}{" "}
              <a href={`#text-${i + 1}`}>Back to the text</a>
            </li>
          ))}
        </ol>
      ) : (
        <p className="hint">No spelling or grammar problems were found.</p>
      )}
    </>
  );
}
