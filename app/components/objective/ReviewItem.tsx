import type { ReviewQuestion } from "../../../src/assessments/objective-review";

/** One marked question: what was written, the key, the reason and the evidence for the key. */
export function ReviewItem({ item, compact = false }: { item: ReviewQuestion; compact?: boolean }) {
  const verdict = item.correct ? "Correct" : item.marks > 0 ? "Partly correct" : "Incorrect";
  return (
    <div className={`review-item ${item.correct ? "is-correct" : "is-wrong"}`}>
      {compact ? null : (
        <p className="review-prompt">
          <span className="q-number">{item.label}</span> {item.prompt}
        </p>
      )}
      <p>
        <strong className="verdict">{verdict}</strong>
        {item.maxMarks > 1 ? ` (${item.marks} of ${item.maxMarks} marks)` : ""}. Your answer:{" "}
        <span className="given">{item.answer ?? "none"}</span>. Key:{" "}
        <span className="key">{item.expected}</span>.
      </p>
      {item.correct ? null : <p className="reason">{item.reason}</p>}
      {item.explanation ? <p className="explanation">Why: {item.explanation}</p> : null}
      {item.evidence.map((line, i) => (
        <blockquote key={i} className="evidence">
          {line}
        </blockquote>
      ))}
    </div>
  );
}
