import { randomUUID } from "node:crypto";
import { PutCommand } from "@aws-sdk/lib-dynamodb";
import { queryAll } from "./paginate";
import { getDb } from "./tables";
import type { AuditEntry } from "../domain/audit";

export type { AuditEntry };

// Partitioned by UTC day so that "the latest entries" is a query on a few partitions, never a
// scan; the sort key (time, then id) orders a day's entries and keeps two in one millisecond apart.
const dayKey = (day: string) => `day#${day}`;

/** Append-only: the condition makes a second write with the same key fail instead of overwrite. */
export async function appendAudit(entry: Omit<AuditEntry, "auditId">): Promise<AuditEntry> {
  const { doc, table } = await getDb();
  const stored: AuditEntry = { ...entry, auditId: randomUUID() };
  await doc.send(
    new PutCommand({
      TableName: table("audit-log"),
      Item: { pk: dayKey(entry.at.slice(0, 10)), sk: `${entry.at}#${stored.auditId}`, ...stored },
      ConditionExpression: "attribute_not_exists(pk)",
    }),
  );
  return stored;
}

/** The entries of the given UTC days (YYYY-MM-DD), newest first. */
export async function listAuditDays(days: readonly string[]): Promise<AuditEntry[]> {
  const { table } = await getDb();
  const found: AuditEntry[] = [];
  for (const day of days) {
    found.push(
      ...(await queryAll(
        {
          TableName: table("audit-log"),
          KeyConditionExpression: "pk = :pk",
          ExpressionAttributeValues: { ":pk": dayKey(day) },
          ScanIndexForward: false,
        },
        toEntry,
      )),
    );
  }
  return found;
}

/** Everything done to one target, newest first. */
export async function listAuditForTarget(target: string): Promise<AuditEntry[]> {
  const { table } = await getDb();
  return queryAll(
    {
      TableName: table("audit-log"),
      IndexName: "byTarget",
      KeyConditionExpression: "target = :target",
      ExpressionAttributeValues: { ":target": target },
      ScanIndexForward: false,
    },
    toEntry,
  );
}

function toEntry(item: Record<string, unknown>): AuditEntry {
  const { pk: _pk, sk: _sk, ...rest } = item;
  return rest as unknown as AuditEntry;
}
