import { randomUUID } from "node:crypto";
import { putItem, getMapped } from "./commands";
import { updateIf } from "./conditional";
import { oneOf, optionalStrings, strings } from "./fields";
import { countAll, forEachScanPage, queryAll } from "./paginate";

const REPORT_STATUSES = ["open", "resolved", "dismissed"] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

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
  const report: ContentReport = {
    reportId: randomUUID(),
    userId: input.userId,
    assessmentId: input.assessmentId,
    reason: input.reason,
    comment: input.comment,
    createdAt: (input.now ?? new Date()).toISOString(),
    status: "open",
  };
  await putItem("content-reports", { Item: report });
  return report;
}

export async function getContentReport(reportId: string): Promise<ContentReport | null> {
  return getMapped("content-reports", { reportId }, toReport);
}

/** The queue: reports in one status, oldest first (the byStatus index). */
export async function listReportsByStatus(status: ReportStatus): Promise<ContentReport[]> {
  return queryAll("content-reports", { index: "byStatus", key: { status } }, toReport);
}

/**
 * Gives the reports written before the queue existed (no status, so absent from the byStatus
 * index) the status "open" they count as; returns how many it marked. It reads the whole table,
 * so only the admin's open queue calls it (never the dashboard's count).
 */
export async function markUnstatusedReportsOpen(): Promise<number> {
  let marked = 0;
  await forEachScanPage(
    "content-reports",
    {
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
  return countAll("content-reports", { index: "byStatus", key: { status: "open" } });
}

/** A student's reports, newest first: their result page shows the outcome of each. */
export async function listUserReports(userId: string): Promise<ContentReport[]> {
  return queryAll(
    "content-reports",
    { index: "byUser", key: { userId }, newestFirst: true },
    toReport,
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
    ExpressionAttributeValues: {
      ":status": status,
      ":note": note,
      ":at": now.toISOString(),
      ":open": "open",
    },
  });
}

function toReport(item: Record<string, unknown>): ContentReport {
  return {
    ...strings(item, ["reportId", "userId", "assessmentId", "reason", "createdAt"]),
    comment: String(item.comment ?? ""),
    // Absent on reports older than the queue, which count as open; kept absent.
    ...(item.status === undefined ? {} : { status: oneOf(item.status, REPORT_STATUSES, "open") }),
    ...optionalStrings(item, ["resolutionNote", "closedAt"]),
  };
}
