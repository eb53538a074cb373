import { randomUUID } from "node:crypto";
import { expiresAfter, RETENTION_DAYS } from "../domain/retention";
import type { SafetyEvent } from "../domain/safety";
import { putItem } from "./commands";
import { oneOf, optionalStrings, strings } from "./fields";
import { queryAll } from "./paginate";

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

const KINDS = [
  "prompt-injection",
  "invalid-output",
  "implausible-result",
  "refused-output",
] as const satisfies readonly SafetyEvent["kind"][];

export async function logSafetyEvent(input: {
  assessmentId: string;
  userId: string;
  event: SafetyEvent;
  now?: Date;
}): Promise<SafetyLog> {
  const { now = new Date() } = input;
  const log: SafetyLog = {
    ...input.event,
    logId: randomUUID(),
    assessmentId: input.assessmentId,
    userId: input.userId,
    createdAt: now.toISOString(),
    expiresAt: expiresAfter(RETENTION_DAYS.safetyLogs, now),
  };
  await putItem("ai-safety-logs", { Item: log });
  return log;
}

export async function listUserSafetyLogs(userId: string): Promise<SafetyLog[]> {
  return queryAll("ai-safety-logs", { index: "byUser", key: { userId }, newestFirst: true }, toLog);
}

/** One kind's logs between two ISO times, newest first (the byKind index). */
export async function listSafetyLogsByKind(
  kind: SafetyLog["kind"],
  from: string,
  to: string,
): Promise<SafetyLog[]> {
  return queryAll(
    "ai-safety-logs",
    {
      index: "byKind",
      key: { kind },
      sortKey: "createdAt BETWEEN :from AND :to",
      values: { ":from": from, ":to": to },
      newestFirst: true,
    },
    toLog,
  );
}

/** One assessment's logs, for its inspector: the user's logs narrowed to the assessment. */
export async function listAssessmentSafetyLogs(
  userId: string,
  assessmentId: string,
): Promise<SafetyLog[]> {
  return (await listUserSafetyLogs(userId)).filter((log) => log.assessmentId === assessmentId);
}

function toLog(item: Record<string, unknown>): SafetyLog {
  return {
    // An unknown kind is still a flag to review, not a log to hide.
    kind: oneOf(item.kind, KINDS, "invalid-output"),
    detail: String(item.detail ?? ""),
    ...optionalStrings(item, ["provider"]),
    ...strings(item, ["logId", "assessmentId", "userId", "createdAt"]),
    expiresAt: Number(item.expiresAt),
  };
}
