import { randomUUID } from "node:crypto";
import { GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import { updateIf } from "./conditional";
import { countAll, forEachScanPage, queryAll } from "./paginate";
import { getDb } from "./tables";

export type ReportStatus = "open" | "resolved" | "dismissed";

export interface ContentReport {
  reportId: string;
  userId: string;
  assessmentId: string;
  reason: string;
  comment: string;
  /** ISO 8601 */
  createdAt: string;
  /** Reports made before the admin queue existed have none: they count as open. */
  status?: ReportStatus;
  /** What the admin who closed it wrote; the student reads it on their result page. */
  resolutionNote?: string;
  /** ISO 8601 */
  closedAt?: string;
}

export async function createContentReport(
  input: Omit<ContentReport, "reportId" | "createdAt" | "status"> & { now?: Date },
): Promise<ContentReport> {
  const { doc, table } = await getDb();
  const report: ContentReport = {
    reportId: randomUUID(),
    userId: input.userId,
    assessmentId: input.assessmentId,
    reason: input.reason,
    comment: input.comment,
    createdAt: (input.now ?? new Date()).toISOString(),
    status: "open",
  };
  await doc.send(new PutCommand({ TableName: table("content-reports"), Item: report }));
  return report;
}

export async function getContentReport(reportId: string): Promise<ContentReport | null> {
  const { doc, table } = await getDb();
  const { Item } = await doc.send(
    new GetCommand({
      TableName: table("content-reports"),
      Key: { reportId },
      ConsistentRead: true,
    }),
  );
  return Item ? (Item as ContentReport) : null;
}

/** The queue: reports in one status, oldest first (the byStatus index). */
export async function listReportsByStatus(status: ReportStatus): Promise<ContentReport[]> {
  const { table } = await getDb();
  return queryAll(
    {
      TableName: table("content-reports"),
      IndexName: "byStatus",
      KeyConditionExpression: "#status = :status",
      ExpressionAttributeNames: { "#status": "status" },
      ExpressionAttributeValues: { ":status": status },
    },
    (row) => row as unknown as ContentReport,
  );
}

/**
 * Gives the reports written before the queue existed (no status, so absent from the byStatus
 * index) the status "open" they count as; returns how many it marked. It reads the whole table,
 * so only the admin's open queue calls it (never the dashboard's count).
 */
export async function markUnstatusedReportsOpen(): Promise<number> {
  const { table } = await getDb();
  let marked = 0;
  await forEachScanPage(
    {
      TableName: table("content-reports"),
      FilterExpression: "attribute_not_exists(#status)",
      ExpressionAttributeNames: { "#status": "status" },
      ProjectionExpression: "reportId",
    },
    async (rows) => {
      for (const { reportId } of rows) {
        const done = await updateIf("content-reports", {
          Key: { reportId },
          UpdateExpression: "SET #status = :open",
          ConditionExpression: "attribute_exists(reportId) AND attribute_not_exists(#status)",
          ExpressionAttributeNames: { "#status": "status" },
          ExpressionAttributeValues: { ":open": "open" },
        });
        if (done) marked += 1;
      }
    },
  );
  return marked;
}

/** How many reports are open: a count over the open part of the index, never the table. */
export async function countOpenReports(): Promise<number> {
  const { table } = await getDb();
  return countAll({
    TableName: table("content-reports"),
    IndexName: "byStatus",
    KeyConditionExpression: "#status = :open",
    ExpressionAttributeNames: { "#status": "status" },
    ExpressionAttributeValues: { ":open": "open" },
  });
}

/** A student's reports, newest first: their result page shows the outcome of each. */
export async function listUserReports(userId: string): Promise<ContentReport[]> {
  const { table } = await getDb();
  return queryAll(
    {
      TableName: table("content-reports"),
      IndexName: "byUser",
      KeyConditionExpression: "userId = :userId",
      ExpressionAttributeValues: { ":userId": userId },
      ScanIndexForward: false,
    },
    (row) => row as unknown as ContentReport,
  );
}

/** open -> resolved or dismissed, once: false when someone closed it first. */
export async function closeReport(
  reportId: string,
  status: Exclude<ReportStatus, "open">,
  note: string,
  now = new Date(),
): Promise<boolean> {
  return updateIf("content-reports", {
    Key: { reportId },
    UpdateExpression: "SET #status = :status, resolutionNote = :note, closedAt = :at",
    ConditionExpression:
      "attribute_exists(reportId) AND (#status = :open OR attribute_not_exists(#status))",
    ExpressionAttributeNames: { "#status": "status" },
    ExpressionAttributeValues: {
      ":status": status,
      ":note": note,
      ":at": now.toISOString(),
      ":open": "open",
    },
  });
}
