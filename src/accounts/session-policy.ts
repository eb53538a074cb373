import type { SessionTimes } from "../domain/session";

const MINUTE_MS = 60_000;

export const ABSOLUTE_LIFETIME_MS = 24 * 60 * MINUTE_MS;
export const IDLE_TIMEOUT_MS = 2 * 60 * MINUTE_MS;
/** lastSeenAt only needs minute precision for a 2-hour idle limit, and each refresh is a write. */
const TOUCH_INTERVAL_MS = MINUTE_MS;

export type SessionVerdict =
  | { valid: true; touch: boolean }
  | { valid: false; reason: "expired" | "idle" | "password-changed" };

/** The TTL attribute: DynamoDB removes the row some time (up to days) after this. */
export function sessionExpiresAt(createdAt: Date): number {
  return Math.floor((createdAt.getTime() + ABSOLUTE_LIFETIME_MS) / 1000);
}

/**
 * Decides on every read, because an expired row may still be in the table: DynamoDB's TTL
 * deletion lags by up to two days and Sandbox never deletes.
 */
export function evaluateSession(
  session: SessionTimes,
  user: { passwordChangedAt: string },
  now: Date,
): SessionVerdict {
  const at = now.getTime();
  const created = Date.parse(session.createdAt);
  if (at >= created + ABSOLUTE_LIFETIME_MS || at >= session.expiresAt * 1000) {
    return { valid: false, reason: "expired" };
  }
  const lastSeen = Date.parse(session.lastSeenAt);
  if (at - lastSeen >= IDLE_TIMEOUT_MS) return { valid: false, reason: "idle" };
  if (Date.parse(session.authenticatedAt) < Date.parse(user.passwordChangedAt)) {
    return { valid: false, reason: "password-changed" };
  }
  return { valid: true, touch: at - lastSeen >= TOUCH_INTERVAL_MS };
}
