import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { getItems, putItem } from "../../src/data/commands";
import { userKey } from "../../src/data/keys";
import { makeUser } from "./helpers";

describe("getItems", () => {
  it("reads more keys than one BatchGetItem takes, from two tables, skipping keys with no item", async () => {
    const run = randomUUID();
    const stored = Array.from({ length: 150 }, (_, i) => `batch#${run}#${i}`);
    await Promise.all(
      stored.map((throttleKey) =>
        putItem("throttles", { Item: { throttleKey, failures: 1, expiresAt: 0 } }),
      ),
    );
    const user = await makeUser();
    const missing = Array.from({ length: 10 }, (_, i) => `batch#${run}#missing-${i}`);

    const found = await getItems({
      throttles: [...stored, ...missing].map((throttleKey) => ({ throttleKey })),
      users: [{ pk: userKey(user.userId) }],
    });

    expect(found.throttles?.map((item) => item.throttleKey).sort()).toEqual([...stored].sort());
    expect(found.users?.map((item) => item.userId)).toEqual([user.userId]);
  });
});
