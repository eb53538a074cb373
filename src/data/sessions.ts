import type { Session } from "../domain/session";
import { isTokenFormat, sha256 } from "../domain/tokens";
import { deleteItem, getItems, putNew, getMapped } from "./commands";
import { updateIf } from "./conditional";
import { strings } from "./fields";
import { userKey } from "./keys";
import { forEachPage, queryAll } from "./paginate";
import { toUser, type User } from "./users";

/** Stores a new row; the id is the SHA-256 of the cookie's value, never the value itself. */
export async function putSession(session: Session): Promise<void> {
  await putNew("sessions", session, "sessionId");
}

/**
 * The stored row for a cookie's value and the user the cookie names, in one round trip: every
 * signed-in page needs both, and reading them in turn made it wait for two. Whether the row
 * belongs to that user, and is still valid, is not decided here.
 */
export async function getSessionRowAndUser(
  rawId: string,
  userId: string,
): Promise<{ session: Session | null; user: User | null }> {
  if (!isTokenFormat(rawId)) return { session: null, user: null };
  const { sessions = [], users = [] } = await getItems({
    sessions: [{ sessionId: sha256(rawId) }],
    users: [{ pk: userKey(userId) }],
  });
  return {
    session: sessions[0] ? toSession(sessions[0]) : null,
    user: users[0] ? toUser(users[0]) : null,
  };
}

/** The stored row by its id (the hash), for what is bound to a session without its cookie. */
export async function getSessionById(sessionId: string): Promise<Session | null> {
  return getMapped("sessions", { sessionId }, toSession);
}

/** False when the row is gone: a logout that landed since the read must win. */
export function touchSession(sessionId: string, lastSeenAt: string): Promise<boolean> {
  return updateIf("sessions", {
    Key: { sessionId },
    UpdateExpression: "SET lastSeenAt = :at",
    ConditionExpression: "attribute_exists(sessionId)",
    ExpressionAttributeValues: { ":at": lastSeenAt },
  });
}

function toSession(item: Record<string, unknown>): Session {
  return {
    ...strings(item, ["sessionId", "userId", "createdAt", "lastSeenAt", "authenticatedAt"]),
    expiresAt: Number(item.expiresAt),
  };
}

/**
 * Marks the session as holding the current password (after changePassword), so the check
 * "authenticated before the last password change" does not end the session that made it.
 */
export async function confirmSessionPassword(
  rawId: string,
  passwordChangedAt: string,
): Promise<void> {
  if (!isTokenFormat(rawId)) return;
  // A session logged out meanwhile stays gone: the write only applies to an existing row.
  await updateIf("sessions", {
    Key: { sessionId: sha256(rawId) },
    UpdateExpression: "SET authenticatedAt = :at",
    ConditionExpression: "attribute_exists(sessionId)",
    ExpressionAttributeValues: { ":at": passwordChangedAt },
  });
}

export async function deleteSession(rawId: string): Promise<void> {
  if (!isTokenFormat(rawId)) return;
  await deleteBySessionId(sha256(rawId));
}

/**
 * The byUser index is eventually consistent, so a session made a moment ago can be missed
 * here; after a password change readSession rejects such a straggler anyway.
 */
export async function deleteUserSessions(
  userId: string,
  options: { except?: string } = {},
): Promise<void> {
  const keep = options.except === undefined ? undefined : sha256(options.except);
  await forEachPage(
    "sessions",
    { index: "byUser", key: { userId }, projection: "sessionId" },
    async (rows) => {
      const ids = rows.map((item) => String(item.sessionId)).filter((id) => id !== keep);
      await Promise.all(ids.map(deleteBySessionId));
    },
  );
}

/** The user's stored sessions (valid or not: the caller decides), via the byUser index. */
export async function listUserSessions(userId: string): Promise<Session[]> {
  return queryAll("sessions", { index: "byUser", key: { userId } }, toSession);
}

export async function deleteBySessionId(sessionId: string): Promise<void> {
  await deleteItem("sessions", { Key: { sessionId } });
}
