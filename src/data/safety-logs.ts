import { randomUUID } from "node:crypto";
import { PutCommand } from "@aws-sdk/lib-dynamodb";
import { expiresAfter, RETENTION_DAYS } from "../domain/retention";
import type { SafetyEvent } from "../domain/safety";
import { queryAll } from "./paginate";
import { getDb } from "./tables";

export interface SafetyLog extends SafetyEvent {
  logId: string;
  assessmentId: string;
  /** Kept on every row so that a student's export and erasure find their logs by user. */
  userId: string;
  /** ISO 8601 */
  createdAt: string;
  /** Epoch seconds (DynamoDB TTL) */
  expiresAt: number;
}

export async function logSafetyEvent(input: {
  assessmentId: string;
  userId: string;
  event: SafetyEvent;
  now?: Date;
}): Promise<SafetyLog> {
  const { doc, table } = await getDb();
  const now = input.now ?? new Date();
  const log: SafetyLog = {
    ...input.event,
    logId: randomUUID(),
    assessmentId: input.assessmentId,
    userId: input.userId,
    createdAt: now.toISOString(),
    expiresAt: expiresAfter(RETENTION_DAYS.safetyLogs, now),
  };
  await doc.send(new PutCommand({ TableName: table("ai-safety-logs"), Item: log }));
  return log;
}

export async function listUserSafetyLogs(userId: string): Promise<SafetyLog[]> {
  const { table } = await getDb();
  return queryAll(
    {
      TableName: table("ai-safety-logs"),
      IndexName: "byUser",
      KeyConditionExpression: "userId = :userId",
      ExpressionAttributeValues: { ":userId": userId },
      ScanIndexForward: false,
    },
    (row) => row as unknown as SafetyLog,
  );
}

/** One kind's logs between two ISO times, newest first (the byKind index). */
export async function listSafetyLogsByKind(
  kind: SafetyLog["kind"],
  from: string,
  to: string,
): Promise<SafetyLog[]> {
  const { table } = await getDb();
  return queryAll(
    {
      TableName: table("ai-safety-logs"),
      IndexName: "byKind",
      KeyConditionExpression: "kind = :kind AND createdAt BETWEEN :from AND :to",
      ExpressionAttributeValues: { ":kind": kind, ":from": from, ":to": to },
      ScanIndexForward: false,
    },
    (row) => row as unknown as SafetyLog,
  );
}

/** One assessment's logs, for its inspector: the user's logs narrowed to the assessment. */
export async function listAssessmentSafetyLogs(
  userId: string,
  assessmentId: string,
): Promise<SafetyLog[]> {
  return (await listUserSafetyLogs(userId)).filter((log) => log.assessmentId === assessmentId);
}
