import { randomUUID } from "node:crypto";
import { PutCommand } from "@aws-sdk/lib-dynamodb";
import { getDb } from "./tables";

export interface ContentReport {
  reportId: string;
  userId: string;
  assessmentId: string;
  reason: string;
  comment: string;
  /** ISO 8601 */
  createdAt: string;
}

export async function createContentReport(
  input: Omit<ContentReport, "reportId" | "createdAt"> & { now?: Date },
): Promise<ContentReport> {
  const { doc, table } = await getDb();
  const report: ContentReport = {
    reportId: randomUUID(),
    userId: input.userId,
    assessmentId: input.assessmentId,
    reason: input.reason,
    comment: input.comment,
    createdAt: (input.now ?? new Date()).toISOString(),
  };
  await doc.send(new PutCommand({ TableName: table("content-reports"), Item: report }));
  return report;
}
