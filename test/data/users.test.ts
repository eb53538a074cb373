import { randomUUID } from "node:crypto";
import { PutCommand, ScanCommand } from "@aws-sdk/lib-dynamodb";
import { describe, expect, it } from "vitest";
import { getDb } from "../../src/data/tables";
import {
  createUser,
  getUserByEmail,
  getUserById,
  markEmailVerified,
  setPassword,
} from "../../src/data/users";

const uniqueEmail = () => `user-${randomUUID()}@example.com`;

async function itemsFor(email: string, userId?: string) {
  const { doc, table } = await getDb();
  const { Items = [] } = await doc.send(
    new ScanCommand({
      TableName: table("users"),
      FilterExpression: "email = :email OR pk = :emailKey" + (userId ? " OR userId = :id" : ""),
      ExpressionAttributeValues: {
        ":email": email,
        ":emailKey": `email#${email}`,
        ...(userId ? { ":id": userId } : {}),
      },
    }),
  );
  return Items;
}

describe("users", () => {
  it("creates a student with a normalised email and finds it both ways", async () => {
    const email = uniqueEmail();
    const created = await createUser({ email: `  ${email.toUpperCase()} `, passwordHash: "h" });
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    expect(created.user).toMatchObject({ email, role: "student", emailVerified: false });
    expect(created.user.passwordChangedAt).toBe(created.user.createdAt);
    expect(await getUserById(created.user.userId)).toEqual(created.user);
    expect(await getUserByEmail(` ${email.toUpperCase()}`)).toEqual(created.user);
    expect(await getUserByEmail(uniqueEmail())).toBeNull();
  });

  it("lets exactly one of two concurrent sign-ups with one address win, leaving no orphan", async () => {
    const email = uniqueEmail();
    const results = await Promise.all([
      createUser({ email, passwordHash: "first" }),
      createUser({ email: email.toUpperCase(), passwordHash: "second" }),
    ]);
    const winners = results.filter((r) => r.ok);
    expect(winners).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, reason: "email-taken" }]);
    const items = await itemsFor(email);
    expect(items.map((i) => String(i.pk).split("#")[0]).sort()).toEqual(["email", "user"]);
  });

  it("takes over an old email claim whose user was never written", async () => {
    const email = uniqueEmail();
    const { doc, table } = await getDb();
    const claimedAt = new Date(Date.now() - 5 * 60_000).toISOString();
    const orphan = { pk: `email#${email}`, userId: randomUUID(), claimedAt };
    await doc.send(new PutCommand({ TableName: table("users"), Item: orphan }));
    expect(await getUserByEmail(email)).toBeNull();
    const created = await createUser({ email, passwordHash: "h" });
    expect(created.ok).toBe(true);
    expect((await getUserByEmail(email))?.userId).toBe(created.ok && created.user.userId);
  });

  it("does not take over a claim still within its grace period", async () => {
    const email = uniqueEmail();
    const { doc, table } = await getDb();
    const pending = {
      pk: `email#${email}`,
      userId: randomUUID(),
      claimedAt: new Date().toISOString(),
    };
    await doc.send(new PutCommand({ TableName: table("users"), Item: pending }));
    expect(await createUser({ email, passwordHash: "h" })).toEqual({
      ok: false,
      reason: "email-taken",
    });
  });

  it("refuses a later sign-up with the same address", async () => {
    const email = uniqueEmail();
    expect((await createUser({ email, passwordHash: "h" })).ok).toBe(true);
    expect(await createUser({ email, passwordHash: "h2" })).toEqual({
      ok: false,
      reason: "email-taken",
    });
  });

  it("marks the email verified and records when the password changed", async () => {
    const created = await createUser({ email: uniqueEmail(), passwordHash: "old", role: "admin" });
    if (!created.ok) throw new Error("setup");
    const { userId } = created.user;
    await markEmailVerified(userId);
    const later = new Date(Date.now() + 60_000);
    const updated = await setPassword(userId, "new", later);
    expect(updated).toMatchObject({
      userId,
      role: "admin",
      emailVerified: true,
      passwordHash: "new",
      passwordChangedAt: later.toISOString(),
    });
    expect(await getUserById(userId)).toEqual(updated);
  });

  it("does not create a user item when updating an unknown id", async () => {
    const userId = randomUUID();
    await expect(markEmailVerified(userId)).rejects.toThrow();
    expect(await getUserById(userId)).toBeNull();
  });
});
