import { GetCommand } from "@aws-sdk/lib-dynamodb";
import { describe, expect, it } from "vitest";
import { sha256 } from "../../src/domain/tokens";
import { createSession, readSession } from "../../src/accounts/sessions";
import { confirmSessionPassword, deleteSession, deleteUserSessions } from "../../src/data/sessions";
import { getDb } from "../../src/data/tables";
import { setPassword } from "../../src/data/users";
import { makeUser, minutesFrom } from "./helpers";

async function storedRow(sessionId: string) {
  const { doc, table } = await getDb();
  const { Item } = await doc.send(
    new GetCommand({ TableName: table("sessions"), Key: { sessionId }, ConsistentRead: true }),
  );
  return Item;
}

describe("sessions", () => {
  it("stores only the hash of a 256-bit id and reads the user back", async () => {
    const user = await makeUser();
    const { rawId, session } = await createSession(user.userId);
    expect(rawId).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(session.sessionId).toBe(sha256(rawId));
    expect(await storedRow(rawId)).toBeUndefined();
    expect(await storedRow(session.sessionId)).toMatchObject({ userId: user.userId });
    const found = await readSession(rawId, session.userId);
    expect(found?.user).toEqual(user);
    expect(found?.session.sessionId).toBe(session.sessionId);
  });

  it("refuses unknown and malformed ids", async () => {
    const user = await makeUser();
    expect(await readSession("x".repeat(43), user.userId)).toBeNull();
    expect(await readSession("not a session id", user.userId)).toBeNull();
  });

  it("refuses a session whose cookie names another user, and leaves it to its owner", async () => {
    const owner = await makeUser();
    const someoneElse = await makeUser();
    const { rawId } = await createSession(owner.userId);
    expect(await readSession(rawId, someoneElse.userId)).toBeNull();
    expect(await readSession(rawId, "not-a-user")).toBeNull();
    expect((await readSession(rawId, owner.userId))?.user.userId).toBe(owner.userId);
  });

  it("rejects a row whose TTL has passed but which is still stored, and removes it", async () => {
    const user = await makeUser();
    const { rawId, session } = await createSession(user.userId, minutesFrom(new Date(), -25 * 60));
    expect(session.expiresAt * 1000).toBeLessThan(Date.now());
    expect(await storedRow(session.sessionId)).toBeDefined();
    expect(await readSession(rawId, session.userId)).toBeNull();
    expect(await storedRow(session.sessionId)).toBeUndefined();
  });

  it("ends a session idle for two hours, while activity keeps it alive", async () => {
    const user = await makeUser();
    const start = new Date();
    const idle = await createSession(user.userId, start);
    const active = await createSession(user.userId, start);
    for (const minutes of [50, 100, 150]) {
      expect(
        await readSession(active.rawId, active.session.userId, minutesFrom(start, minutes)),
      ).not.toBeNull();
    }
    expect(await readSession(idle.rawId, idle.session.userId, minutesFrom(start, 150))).toBeNull();
    expect(
      await readSession(active.rawId, active.session.userId, minutesFrom(start, 151)),
    ).not.toBeNull();
  });

  it("refreshes lastSeenAt at most once a minute", async () => {
    const user = await makeUser();
    const start = new Date();
    const { rawId, session } = await createSession(user.userId, start);
    await readSession(rawId, session.userId, new Date(start.getTime() + 30_000));
    expect((await storedRow(session.sessionId))?.lastSeenAt).toBe(start.toISOString());
    const later = minutesFrom(start, 2);
    expect((await readSession(rawId, session.userId, later))?.session.lastSeenAt).toBe(
      later.toISOString(),
    );
    expect((await storedRow(session.sessionId))?.lastSeenAt).toBe(later.toISOString());
  });

  it("rejects sessions from before a password change unless re-confirmed", async () => {
    const user = await makeUser();
    const older = await createSession(user.userId);
    const kept = await createSession(user.userId);
    const changedAt = minutesFrom(new Date(), 1);
    await confirmSessionPassword(kept.rawId, changedAt.toISOString());
    await setPassword(user.userId, "new-hash", changedAt);
    const at = minutesFrom(changedAt, 1);
    expect(await readSession(older.rawId, older.session.userId, at)).toBeNull();
    expect((await readSession(kept.rawId, kept.session.userId, at))?.user.passwordHash).toBe(
      "new-hash",
    );
  });

  it("logs out one session, or all of a user's but one", async () => {
    const user = await makeUser();
    const other = await makeUser();
    const [a, b, c] = await Promise.all([1, 2, 3].map(() => createSession(user.userId)));
    const theirs = await createSession(other.userId);
    await deleteSession(a!.rawId);
    expect(await readSession(a!.rawId, a!.session.userId)).toBeNull();
    await deleteUserSessions(user.userId, { except: c!.rawId });
    expect(await readSession(b!.rawId, b!.session.userId)).toBeNull();
    expect(await readSession(c!.rawId, c!.session.userId)).not.toBeNull();
    expect(await readSession(theirs.rawId, theirs.session.userId)).not.toBeNull();
    await deleteUserSessions(user.userId);
    expect(await readSession(c!.rawId, c!.session.userId)).toBeNull();
  });
});
