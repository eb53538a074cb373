import { ConditionalCheckFailedException } from "@aws-sdk/client-dynamodb";
import { BatchGetCommand, DeleteCommand, PutCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import type { ThrottleRecord } from "../domain/throttle";
import { getDb } from "./tables";

export async function readThrottles(keys: readonly string[]): Promise<ThrottleRecord[]> {
  const unique = [...new Set(keys)];
  if (unique.length === 0) return [];
  const { doc, table } = await getDb();
  const name = table("throttles");
  const { Responses } = await doc.send(
    new BatchGetCommand({
      RequestItems: {
        [name]: { Keys: unique.map((throttleKey) => ({ throttleKey })), ConsistentRead: true },
      },
    }),
  );
  return (Responses?.[name] ?? []).map((item) => ({
    throttleKey: String(item.throttleKey),
    failures: Number(item.failures),
    expiresAt: Number(item.expiresAt),
  }));
}

export async function clearThrottle(throttleKey: string): Promise<void> {
  const { doc, table } = await getDb();
  await doc.send(new DeleteCommand({ TableName: table("throttles"), Key: { throttleKey } }));
}

/**
 * Counts with an atomic ADD while the window is open; otherwise starts a new window, guarded
 * so that two requests opening a window at once cannot both reset the count. The loser of
 * that race goes round again and lands in the winner's window.
 */
export async function countInWindow(
  throttleKey: string,
  windowEndsAt: number,
  now: Date,
): Promise<void> {
  const { doc, table } = await getDb();
  const TableName = table("throttles");
  const nowSeconds = now.getTime() / 1000;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await doc.send(
        new UpdateCommand({
          TableName,
          Key: { throttleKey },
          UpdateExpression: "ADD failures :one",
          ConditionExpression: "expiresAt > :now",
          ExpressionAttributeValues: { ":one": 1, ":now": nowSeconds },
        }),
      );
      return;
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
    try {
      const record: ThrottleRecord = { throttleKey, failures: 1, expiresAt: windowEndsAt };
      await doc.send(
        new PutCommand({
          TableName,
          Item: record,
          ConditionExpression: "attribute_not_exists(throttleKey) OR expiresAt <= :now",
          ExpressionAttributeValues: { ":now": nowSeconds },
        }),
      );
      return;
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }
  throw new Error(`Could not count an event for ${throttleKey}`);
}
