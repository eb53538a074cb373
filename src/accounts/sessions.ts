import type { Session } from "../domain/session";
import { randomToken, sha256 } from "../domain/tokens";
import {
  deleteBySessionId,
  getSessionRowAndUser,
  putSession,
  touchSession,
} from "../data/sessions";
import type { User } from "../data/users";
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

/**
 * The signed-in user behind a cookie's session id and the user id it names, or null when the
 * session no longer holds. The cookie is not signed, so the user id is only where to look:
 * a session that belongs to someone else is no session.
 */
export async function readSession(
  rawId: string,
  userId: string,
  now = new Date(),
): Promise<{ session: Session; user: User } | null> {
  const { session, user } = await getSessionRowAndUser(rawId, userId);
  if (!session || !user || session.userId !== user.userId) return null;

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
