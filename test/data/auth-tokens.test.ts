import { GetCommand } from "@aws-sdk/lib-dynamodb";
import { describe, expect, it } from "vitest";
import { sha256 } from "../../src/domain/tokens";
import { consumeToken, deleteUserTokens, findToken, issueToken } from "../../src/data/auth-tokens";
import { getDb } from "../../src/data/tables";
import { makeUser, minutesFrom } from "./helpers";

describe("one-time tokens", () => {
  it("stores a hash, with a TTL, and works exactly once", async () => {
    const user = await makeUser();
    const now = new Date();
    const token = await issueToken(user.userId, "verify-email", 60, now);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const { doc, table } = await getDb();
    const { Item } = await doc.send(
      new GetCommand({ TableName: table("auth-tokens"), Key: { tokenHash: sha256(token) } }),
    );
    expect(Item).toMatchObject({
      userId: user.userId,
      purpose: "verify-email",
      expiresAt: Math.floor(now.getTime() / 1000) + 3600,
    });
    expect(await consumeToken(token, "verify-email")).toBe(user.userId);
    expect(await consumeToken(token, "verify-email")).toBeNull();
  });

  it("gives the user id to only one of two simultaneous uses", async () => {
    const user = await makeUser();
    const token = await issueToken(user.userId, "reset-password", 30);
    const results = await Promise.all([
      consumeToken(token, "reset-password"),
      consumeToken(token, "reset-password"),
      consumeToken(token, "reset-password"),
    ]);
    expect(results.filter(Boolean)).toEqual([user.userId]);
  });

  it("refuses an expired token still in the table", async () => {
    const user = await makeUser();
    const issued = minutesFrom(new Date(), -31);
    const token = await issueToken(user.userId, "reset-password", 30, issued);
    expect(await findToken(token, "reset-password")).toBeNull();
    expect(await consumeToken(token, "reset-password")).toBeNull();
    expect(await consumeToken(token, "reset-password", minutesFrom(issued, 29))).toBe(user.userId);
  });

  it("refuses a token used for another purpose, leaving it usable for its own", async () => {
    const user = await makeUser();
    const token = await issueToken(user.userId, "verify-email", 60);
    expect(await findToken(token, "reset-password")).toBeNull();
    expect(await consumeToken(token, "reset-password")).toBeNull();
    expect(await findToken(token, "verify-email")).toBe(user.userId);
    expect(await consumeToken(token, "verify-email")).toBe(user.userId);
  });

  it("only issues links that live 30 to 60 minutes", async () => {
    await expect(issueToken("u", "verify-email", 29)).rejects.toThrow(RangeError);
    await expect(issueToken("u", "verify-email", 61)).rejects.toThrow(RangeError);
  });

  it("revokes a user's outstanding tokens of one kind", async () => {
    const user = await makeUser();
    const resets = await Promise.all(
      [1, 2].map(() => issueToken(user.userId, "reset-password", 30)),
    );
    const verify = await issueToken(user.userId, "verify-email", 60);
    await deleteUserTokens(user.userId, "reset-password");
    for (const token of resets) expect(await findToken(token, "reset-password")).toBeNull();
    expect(await findToken(verify, "verify-email")).toBe(user.userId);
  });
});
