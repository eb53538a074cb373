import { Link } from "@remix-run/react";
import type { ObjectiveReview } from "../../../src/assessments/objective-review";
import { adjustmentNote } from "../../../src/assessments/adjustments";
import { Table } from "../table";
import { ReviewItem } from "./ReviewItem";

const FORM_NAMES: Record<ObjectiveReview["form"], string> = {
  listening: "Listening",
  "reading-academic": "Academic Reading",
  "reading-general": "General Training Reading",
};

/**
 * The marked Reading or Listening paper for the result page (props from
 * `loadObjectiveResult`); the route links objective.css for its classes.
 */
export function ObjectiveResult({ assessment: r }: { assessment: ObjectiveReview }) {
  return (
    <article className="objective-result">
      <h2>
        {FORM_NAMES[r.form]}: {r.title}
      </h2>
      {r.late ? (
        <p className="form-message form-message-error">Submitted after the time limit.</p>
      ) : null}
      <div className="score-summary">
        <div className="card">
          <p>Raw score</p>
          <p className="score-figure">
            {r.raw} / {r.maxRaw}
          </p>
        </div>
        <div className="card">
          <p>Band</p>
          <p className="score-figure">{r.band.toFixed(1)}</p>
        </div>
      </div>
      <p className="hint">
        The band comes from the {FORM_NAMES[r.form]} conversion table for a 40-question paper.
      </p>
      {r.adjustment ? <p className="adjustment-note">{adjustmentNote(r.adjustment)}</p> : null}
      <h3>By question type</h3>
      <Table
        className="type-table"
        columns={[
          {
            header: "Type",
            cell: (t) => <Link to={`/practice/objective?type=${t.type}`}>{t.name}</Link>,
          },
          {
            header: "Marks",
            cell: (t) => (
              <>
                {t.marks} / {t.maxMarks}
              </>
            ),
          },
          { header: "Accuracy", cell: (t) => <>{Math.round(t.accuracy * 100)}%</> },
        ]}
        rows={r.byType}
        rowKey={(t) => t.type}
      />
      {r.blocks.map((block) => (
        <section key={block.title}>
          <h3>{block.title}</h3>
          {block.transcript ? (
            <details className="transcript">
              <summary>Read the transcript of {block.title}</summary>
              {block.transcript.map((line, i) => (
                <p key={i}>
                  <strong>{line.speaker}:</strong> {line.text}
                </p>
              ))}
            </details>
          ) : null}
          <ol className="review-list">
            {block.questions.map((q) => (
              <li key={q.id} id={`q-${q.label.split("–")[0]}`}>
                <ReviewItem item={q} />
              </li>
            ))}
          </ol>
        </section>
      ))}
      <p>
        {r.mockId ? (
          <Link to={`/mock-tests/${r.mockId}`} className="button">
            Back to your mock test
          </Link>
        ) : (
          <Link
            to={`/assessments/${r.skill}/new${r.skill === "reading" ? `?module=${r.module}` : ""}`}
            className="button"
          >
            Take another {r.skill} test
          </Link>
        )}
      </p>
    </article>
  );
}
