import type { Skill } from "../../../src/domain/module";
import { Link } from "@remix-run/react";
import { SKILL_NAMES, formatDate } from "../../../src/progress/charts";
import { SKILLS, type HistoryRow } from "../../../src/progress/history";

const STATUS_TEXT: Record<HistoryRow["status"], string> = {
  draft: "In progress",
  queued: "Waiting to be scored",
  scoring: "Being scored",
  scored: "Scored",
  failed: "Scoring failed",
};

const MODULE_TEXT: Record<HistoryRow["module"], string> = {
  academic: "Academic",
  general: "General Training",
};

/** Plain links, so the filter works without JavaScript and each view has its own address. */
export function SkillFilter({ current }: { current: Skill | null }) {
  return (
    <nav aria-label="Filter by skill" className="skill-filter">
      <ul>
        {[null, ...SKILLS].map((s) => (
          <li key={s ?? "all"}>
            <Link
              to={s ? `/profile?skill=${s}` : "/profile"}
              aria-current={s === current ? "page" : undefined}
            >
              {s ? SKILL_NAMES[s] : "All skills"}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function EmptyHistory() {
  return (
    <section className="progress-empty">
      <h2>No assessments yet</h2>
      <p>
        Your bands and charts appear here after your first assessment. A good first step is a
        Writing Task 2 essay: it takes 40 minutes and shows your band for each criterion.
      </p>
      <ul>
        <li>
          <Link to="/assessments/writing/new?module=academic&task=2">
            Start a Writing Task 2 essay
          </Link>
        </li>
        <li>
          <Link to="/assessments/speaking/new?module=academic">Start a Speaking test</Link>
        </li>
        <li>
          <Link to="/practice">Warm up with a five-minute practice drill</Link>
        </li>
      </ul>
    </section>
  );
}

function Bands({ row }: { row: HistoryRow }) {
  if (row.overall === null && !row.score) return <p className="history-pending">No band yet</p>;
  return (
    <dl className="history-bands">
      {row.overall === null ? null : (
        <div className="history-overall">
          <dt>Overall</dt>
          <dd>{row.overall.toFixed(1)}</dd>
        </div>
      )}
      {Object.entries(row.criteria).map(([name, band]) => (
        <div key={name}>
          <dt>{name}</dt>
          <dd>{band?.toFixed(1)}</dd>
        </div>
      ))}
      {row.score ? (
        <div>
          <dt>Score</dt>
          <dd>{`${row.score.raw}/${row.score.maxRaw}`}</dd>
        </div>
      ) : null}
    </dl>
  );
}

export function HistoryList({ rows }: { rows: readonly HistoryRow[] }) {
  return (
    <ol className="history-list">
      {rows.map((row) => (
        <li key={row.assessmentId} className="history-item">
          <p className="history-heading">
            <Link to={`/assessments/${row.assessmentId}`}>
              {SKILL_NAMES[row.skill]}
              {row.task ? ` Task ${row.task}` : ""} · {MODULE_TEXT[row.module]}
            </Link>
          </p>
          <p className="history-meta">
            <time dateTime={row.date}>{formatDate(row.date)}</time> · {STATUS_TEXT[row.status]}
            {row.late ? " · handed in late" : ""}
          </p>
          {row.question ? <p className="history-question">{row.question}</p> : null}
          <Bands row={row} />
        </li>
      ))}
    </ol>
  );
}

export function skillName(skill: Skill): string {
  return SKILL_NAMES[skill];
}
