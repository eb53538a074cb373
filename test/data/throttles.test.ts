import { randomUUID } from "node:crypto";
import { GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import { describe, expect, it } from "vitest";
import { accountThrottleKey } from "../../src/data/keys";
import { getDb } from "../../src/data/tables";
import { checkThrottle, recordFailure } from "../../src/accounts/throttles";
import { clearThrottle } from "../../src/data/throttles";
import { minutesFrom } from "./helpers";

const freshKey = () => accountThrottleKey(`${randomUUID()}@example.com`);

async function failures(throttleKey: string) {
  const { doc, table } = await getDb();
  const { Item } = await doc.send(
    new GetCommand({ TableName: table("throttles"), Key: { throttleKey }, ConsistentRead: true }),
  );
  return Item?.failures as number | undefined;
}

describe("throttles", () => {
  it("blocks an account after 10 failures until its 15-minute window ends", async () => {
    const key = freshKey();
    // On a whole second, so that the window's end (in TTL seconds) is exactly 15 minutes on.
    const start = new Date(Math.floor(Date.now() / 1000) * 1000);
    for (let i = 0; i < 9; i++) await recordFailure([key], start);
    expect(await checkThrottle([key], start)).toEqual({ blocked: false });
    await recordFailure([key], start);
    expect(await checkThrottle([key], minutesFrom(start, 1))).toEqual({
      blocked: true,
      retryAfterMinutes: 14,
    });
    expect(await checkThrottle([key], minutesFrom(start, 15))).toEqual({ blocked: false });
  });

  it("counts simultaneous failures without losing any", async () => {
    const key = freshKey();
    const now = new Date();
    await Promise.all(Array.from({ length: 12 }, () => recordFailure([key], now)));
    expect(await failures(key)).toBe(12);
  });

  it("starts a new window over an ended one that TTL has not removed yet", async () => {
    const key = freshKey();
    const { doc, table } = await getDb();
    const old = { throttleKey: key, failures: 30, expiresAt: Math.floor(Date.now() / 1000) - 60 };
    await doc.send(new PutCommand({ TableName: table("throttles"), Item: old }));
    expect(await checkThrottle([key])).toEqual({ blocked: false });
    await recordFailure([key]);
    expect(await failures(key)).toBe(1);
  });

  it("blocks when any of the keys is blocked, and clears one key", async () => {
    const account = freshKey();
    const other = freshKey();
    const now = new Date();
    for (let i = 0; i < 10; i++) await recordFailure([account, account], now);
    expect((await checkThrottle([other, account], now)).blocked).toBe(true);
    await clearThrottle(account);
    expect(await checkThrottle([other, account], now)).toEqual({ blocked: false });
  });
});
