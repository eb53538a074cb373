import type { SessionTimes } from "../domain/session";

const MINUTE_MS = 60_000;

export const ABSOLUTE_LIFETIME_MS = 24 * 60 * MINUTE_MS;
export const IDLE_TIMEOUT_MS = 2 * 60 * MINUTE_MS;
/** lastSeenAt only needs minute precision for a 2-hour idle limit, and each refresh is a write. */
const TOUCH_INTERVAL_MS = MINUTE_MS;

export type SessionVerdict =
  | { valid: true; touch: boolean }
  | { valid: false; reason: "expired" | "idle" | "password-changed" | "disabled" };

/** The TTL attribute: DynamoDB removes the row some time (up to days) after this. */
export function sessionExpiresAt(createdAt: Date): number {
  return Math.floor((createdAt.getTime() + ABSOLUTE_LIFETIME_MS) / 1000);
}

/** What of the user a credential's validity depends on. */
interface CredentialOwner {
  passwordChangedAt: string;
  disabledAt?: string;
}

/** How long a signed-in credential (a browser session, an app's token) may live and lie idle. */
export interface CredentialLimits {
  lifetimeMs: number;
  idleMs: number;
  /** The last-seen time is rewritten at most this often: each refresh is a write. */
  touchMs: number;
}

/**
 * Decides on every read, because an expired row may still be in the table: DynamoDB's TTL
 * deletion lags by up to two days and Sandbox never deletes. A credential proved before the
 * last password change ends with it.
 */
export function evaluateCredential(
  times: SessionTimes,
  user: CredentialOwner,
  now: Date,
  limits: CredentialLimits,
): SessionVerdict {
  // Checked on every read, so disabling an account ends its sessions and tokens at once, even a
  // row the byUser index has not shown to the clean-up yet.
  if (user.disabledAt) return { valid: false, reason: "disabled" };
  const at = now.getTime();
  const created = Date.parse(times.createdAt);
  if (at >= created + limits.lifetimeMs || at >= times.expiresAt * 1000) {
    return { valid: false, reason: "expired" };
  }
  const lastSeen = Date.parse(times.lastSeenAt);
  if (at - lastSeen >= limits.idleMs) return { valid: false, reason: "idle" };
  if (Date.parse(times.authenticatedAt) < Date.parse(user.passwordChangedAt)) {
    return { valid: false, reason: "password-changed" };
  }
  return { valid: true, touch: at - lastSeen >= limits.touchMs };
}

const SESSION_LIMITS: CredentialLimits = {
  lifetimeMs: ABSOLUTE_LIFETIME_MS,
  idleMs: IDLE_TIMEOUT_MS,
  touchMs: TOUCH_INTERVAL_MS,
};

export function evaluateSession(
  session: SessionTimes,
  user: CredentialOwner,
  now: Date,
): SessionVerdict {
  return evaluateCredential(session, user, now, SESSION_LIMITS);
}
