import { randomUUID } from "node:crypto";
import { putNew } from "./commands";
import { optionalStrings, strings } from "./fields";
import { queryAll } from "./paginate";
import type { AuditEntry } from "../domain/audit";

export type { AuditEntry };

// Partitioned by UTC day so that "the latest entries" is a query on a few partitions, never a
// scan; the sort key (time, then id) orders a day's entries and keeps two in one millisecond apart.
const dayKey = (day: string) => `day#${day}`;

/** Append-only: the condition makes a second write with the same key fail instead of overwrite. */
export async function appendAudit(entry: Omit<AuditEntry, "auditId">): Promise<AuditEntry> {
  const stored: AuditEntry = { ...entry, auditId: randomUUID() };
  await putNew(
    "audit-log",
    { pk: dayKey(entry.at.slice(0, 10)), sk: `${entry.at}#${stored.auditId}`, ...stored },
    "pk",
  );
  return stored;
}

/** The entries of the given UTC days (YYYY-MM-DD), newest first. */
export async function listAuditDays(days: readonly string[]): Promise<AuditEntry[]> {
  const found: AuditEntry[] = [];
  for (const day of days) {
    found.push(
      ...(await queryAll("audit-log", { key: { pk: dayKey(day) }, newestFirst: true }, toEntry)),
    );
  }
  return found;
}

/** Everything done to one target, newest first. */
export async function listAuditForTarget(target: string): Promise<AuditEntry[]> {
  return queryAll("audit-log", { index: "byTarget", key: { target }, newestFirst: true }, toEntry);
}

function toEntry(item: Record<string, unknown>): AuditEntry {
  return {
    ...strings(item, ["auditId", "actorId", "actorEmail", "action", "target", "at"]),
    // The states before and after are whatever the action changed: kept as they were stored.
    ...("before" in item ? { before: item.before } : {}),
    ...("after" in item ? { after: item.after } : {}),
    ...optionalStrings(item, ["note"]),
  };
}
