import type { ThrottleRecord } from "../domain/throttle";
import { deleteItem, getItems } from "./commands";
import { putIf, updateIf } from "./conditional";

export async function readThrottles(keys: readonly string[]): Promise<ThrottleRecord[]> {
  const unique = [...new Set(keys)];
  const { throttles = [] } = await getItems({
    throttles: unique.map((throttleKey) => ({ throttleKey })),
  });
  return throttles.map((item) => ({
    throttleKey: String(item.throttleKey),
    failures: Number(item.failures),
    expiresAt: Number(item.expiresAt),
  }));
}

export async function clearThrottle(throttleKey: string): Promise<void> {
  await deleteItem("throttles", { Key: { throttleKey } });
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
  const nowSeconds = now.getTime() / 1000;
  const record: ThrottleRecord = { throttleKey, failures: 1, expiresAt: windowEndsAt };
  for (let attempt = 0; attempt < 3; attempt++) {
    const counted = await updateIf("throttles", {
      Key: { throttleKey },
      UpdateExpression: "ADD failures :one",
      ConditionExpression: "expiresAt > :now",
      ExpressionAttributeValues: { ":one": 1, ":now": nowSeconds },
    });
    if (counted) return;
    const opened = await putIf("throttles", {
      Item: record,
      ConditionExpression: "attribute_not_exists(throttleKey) OR expiresAt <= :now",
      ExpressionAttributeValues: { ":now": nowSeconds },
    });
    if (opened) return;
  }
  throw new Error(`Could not count an event for ${throttleKey}`);
}
