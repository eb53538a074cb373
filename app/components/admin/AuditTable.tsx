import type { AuditEntry } from "../../../src/domain/audit";
import { formatTime } from "./format";

const show = (value: unknown) => (value === undefined ? "" : JSON.stringify(value, null, 1));

const PAGES: Record<string, string> = {
  user: "/admin/users/",
  assessment: "/admin/assessments/",
  question: "/admin/questions/",
};

function TargetLink({ target }: { target: string }) {
  const [kind = "", id = ""] = target.split("#");
  const page = PAGES[kind];
  return page ? <a href={`${page}${id}`}>{target}</a> : <>{target}</>;
}

/** Audit entries as a table: on the audit page, and as a target's history on its own page. */
export function AuditTable({ entries }: { entries: readonly AuditEntry[] }) {
  return (
    <div className="admin-table-wrap" tabIndex={0} role="region" aria-label="Audit entries">
      <table className="admin-table">
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">What</th>
            <th scope="col">Target</th>
            <th scope="col">Before</th>
            <th scope="col">After</th>
            <th scope="col">Note</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.auditId}>
              <td>{formatTime(e.at)}</td>
              <td>{e.actorEmail}</td>
              <td>{e.action}</td>
              <td>
                <TargetLink target={e.target} />
              </td>
              <td>
                <pre>{show(e.before)}</pre>
              </td>
              <td>
                <pre>{show(e.after)}</pre>
              </td>
              <td>{e.note ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
