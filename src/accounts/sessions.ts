import type { Session } from "../domain/session";
import { randomToken, sha256 } from "../domain/tokens";
import { deleteBySessionId, getSessionRow, putSession, touchSession } from "../data/sessions";
import { getUserById, type User } from "../data/users";
import { evaluateSession, sessionExpiresAt } from "./session-policy";

/** A new session for a user who has just proved who they are; the raw id goes in the cookie. */
export async function createSession(
  userId: string,
  now = new Date(),
): Promise<{ rawId: string; session: Session }> {
  const rawId = randomToken();
  const at = now.toISOString();
  const session: Session = {
    sessionId: sha256(rawId),
    userId,
    createdAt: at,
    lastSeenAt: at,
    authenticatedAt: at,
    expiresAt: sessionExpiresAt(now),
  };
  await putSession(session);
  return { rawId, session };
}

/** The signed-in user behind a cookie's value, or null when the session no longer holds. */
export async function readSession(
  rawId: string,
  now = new Date(),
): Promise<{ session: Session; user: User } | null> {
  const session = await getSessionRow(rawId);
  if (!session) return null;
  const user = await getUserById(session.userId);
  if (!user) return null;

  const verdict = evaluateSession(session, user, now);
  if (!verdict.valid) {
    // A session that timed out can never come back, so tidy it now rather than wait for TTL.
    // One outdated by a password change is left alone: changePassword re-stamps the session it
    // keeps, and deleting here could race with that.
    if (verdict.reason !== "password-changed") await deleteBySessionId(session.sessionId);
    return null;
  }
  if (!verdict.touch) return { session, user };

  const lastSeenAt = now.toISOString();
  if (!(await touchSession(session.sessionId, lastSeenAt))) return null;
  return { session: { ...session, lastSeenAt }, user };
}
