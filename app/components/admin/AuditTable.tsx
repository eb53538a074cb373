import type { AuditEntry } from "../../../src/domain/audit";
import { AdminTable, type Column } from "../table";
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

const COLUMNS: Column<AuditEntry>[] = [
  { header: "When", cell: (e) => formatTime(e.at) },
  { header: "Who", cell: (e) => e.actorEmail },
  { header: "What", cell: (e) => e.action },
  { header: "Target", cell: (e) => <TargetLink target={e.target} /> },
  { header: "Before", cell: (e) => <pre>{show(e.before)}</pre> },
  { header: "After", cell: (e) => <pre>{show(e.after)}</pre> },
  { header: "Note", cell: (e) => e.note ?? "" },
];

/** Audit entries as a table: on the audit page, and as a target's history on its own page. */
export function AuditTable({ entries }: { entries: readonly AuditEntry[] }) {
  return (
    <AdminTable label="Audit entries" columns={COLUMNS} rows={entries} rowKey={(e) => e.auditId} />
  );
}
