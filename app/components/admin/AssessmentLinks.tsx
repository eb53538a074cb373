import { Link } from "@remix-run/react";
import { formatTime } from "./format";

interface Listed {
  assessmentId: string;
  skill: string;
  status: string;
  createdAt: string;
}

/** A student's assessments, each a link to its admin page; on the search and the user pages. */
export function AssessmentLinks({ assessments }: { assessments: readonly Listed[] }) {
  if (assessments.length === 0) return <p>None yet.</p>;
  return (
    <ul>
      {assessments.map((a) => (
        <li key={a.assessmentId}>
          <Link to={`/admin/assessments/${a.assessmentId}`}>
            {a.skill} · {a.status} · {formatTime(a.createdAt)}
          </Link>
        </li>
      ))}
    </ul>
  );
}
