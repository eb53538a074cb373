import { setTimeout as sleep } from "node:timers/promises";
import { countNewAccount } from "../admin/stats";
import type { TokenUse } from "../domain/tokens";
import { consumeToken, deleteUserTokens, findToken, issueToken } from "../data/auth-tokens";
import {
  accountThrottleKey,
  ipThrottleKey,
  mailClientThrottleKey,
  mailThrottleKey,
  normaliseEmail,
} from "../data/keys";
import { confirmSessionPassword, deleteUserSessions } from "../data/sessions";
import { clearThrottle } from "../data/throttles";
import {
  createUser,
  getUserByEmail,
  getUserById,
  markEmailVerified,
  setPassword,
  type User,
} from "../data/users";
import { accountExistsEmail, passwordResetEmail, verificationEmail } from "./emails";
import { getMailer, type Mailer } from "./mailer";
import { checkPassword } from "./password-policy";
import { DUMMY_HASH, hashPassword, verifyPassword } from "./passwords";
import { checkThrottle, recordFailure, takeAllowance } from "./throttles";

/**
 * The flows behind the account pages, free of HTTP. Inputs are expected to have passed the
 * schemas in validation.ts; what needs the database (the owner's email for the password rules)
 * is checked here.
 */

export const VERIFY_EMAIL_TTL_MINUTES = 60;
export const RESET_PASSWORD_TTL_MINUTES = 30;

/**
 * A reset request for a known address writes a token and calls the mail API; for an unknown
 * one it does neither. Both answer no sooner than this, so the response time does not tell
 * which addresses have accounts. Sized above a typical mail API call.
 */
const RESET_REQUEST_MIN_MS = 600;

/** Mail goes out only within the per-address and per-client allowance; the page says the same. */
async function mayMail(email: string, ip: string | undefined, now = new Date()) {
  const keys = [mailThrottleKey(email), ...(ip ? [mailClientThrottleKey(ip)] : [])];
  return !(await takeAllowance(keys, now)).blocked;
}

export async function register(input: {
  email: string;
  password: string;
  baseUrl: string;
  ip?: string;
}): Promise<{ ok: true }> {
  // Resolved first: a missing mail configuration must fail before an account is made.
  const mailer = getMailer();
  // Hashing first, whether or not the address is taken, keeps both paths equally slow.
  const passwordHash = await hashPassword(input.password);
  const created = await createUser({ email: input.email, passwordHash });
  if (created.ok) await countNewAccount(created.user.createdAt);
  if (!(await mayMail(input.email, input.ip))) return { ok: true };
  if (created.ok) {
    await sendVerification(created.user, input.baseUrl, mailer);
  } else {
    await mailer.send({ to: normaliseEmail(input.email), ...accountExistsEmail(input.baseUrl) });
  }
  return { ok: true };
}

async function sendVerification(user: User, baseUrl: string, mailer: Mailer): Promise<void> {
  const token = await issueToken(user.userId, "verify-email", VERIFY_EMAIL_TTL_MINUTES);
  await mailer.send({
    to: user.email,
    ...verificationEmail(baseUrl, token, VERIFY_EMAIL_TTL_MINUTES),
  });
}

/**
 * A new confirmation link for an unverified account (an admin's "resend"), within the same
 * per-address mail allowance as the student's own; false when nothing was sent.
 */
export async function resendVerification(user: User, baseUrl: string): Promise<boolean> {
  if (user.emailVerified || !(await mayMail(user.email, undefined))) return false;
  await sendVerification(user, baseUrl, getMailer());
  return true;
}

export const DISABLED_MESSAGE =
  "This account has been disabled. Write to support if you think that is a mistake.";

export type AuthenticateResult =
  | { ok: true; user: User }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "unverified" }
  | { ok: false; reason: "disabled" }
  | { ok: false; reason: "throttled"; retryAfterMinutes: number };

/**
 * "unverified" comes only after the right password, so it reveals nothing to a guesser; it
 * sends a fresh verification link, since the first one may have expired.
 */
/** A login attempt: what the student typed, where from, and where links in mail point. */
export type Credentials = {
  email: string;
  password: string;
  ip?: string;
  baseUrl: string;
  now?: Date;
};

export async function authenticate(input: Credentials): Promise<AuthenticateResult> {
  const now = input.now ?? new Date();
  const accountKey = accountThrottleKey(input.email);
  const keys = input.ip ? [accountKey, ipThrottleKey(input.ip)] : [accountKey];
  const throttle = await checkThrottle(keys, now);
  if (throttle.blocked) {
    return { ok: false, reason: "throttled", retryAfterMinutes: throttle.retryAfterMinutes };
  }
  const user = await getUserByEmail(input.email);
  // An unknown email still pays for one scrypt, so timing does not reveal which accounts exist.
  const matches = await verifyPassword(input.password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !matches) {
    await recordFailure(keys, now);
    return { ok: false, reason: "invalid" };
  }
  // The address key is left to expire: one good login must not unlock a spray from it.
  await clearThrottle(accountKey);
  // Said only after the right password, like "unverified", so a guesser learns nothing.
  if (user.disabledAt) return { ok: false, reason: "disabled" };
  if (!user.emailVerified) {
    if (await mayMail(user.email, input.ip, now)) {
      await sendVerification(user, input.baseUrl, getMailer());
    }
    return { ok: false, reason: "unverified" };
  }
  return { ok: true, user };
}

export async function requestPasswordReset(input: {
  email: string;
  baseUrl: string;
  ip?: string;
}): Promise<{ ok: true }> {
  const started = Date.now();
  const mailer = getMailer();
  const user = await getUserByEmail(input.email);
  // Counted for unknown addresses too, so the allowance running out reveals nothing.
  const allowed = await mayMail(input.email, input.ip);
  if (user && allowed) {
    const token = await issueToken(user.userId, "reset-password", RESET_PASSWORD_TTL_MINUTES);
    await mailer.send({
      to: user.email,
      ...passwordResetEmail(input.baseUrl, token, RESET_PASSWORD_TTL_MINUTES),
    });
  }
  await sleep(Math.max(0, RESET_REQUEST_MIN_MS - (Date.now() - started)));
  return { ok: true };
}

/** Lets the reset page say "this link has expired" before the user types a new password. */
export async function checkResetToken(input: TokenUse): Promise<boolean> {
  return (await findToken(input.token, "reset-password", input.now)) !== null;
}

export type ResetPasswordResult =
  | { ok: true; user: User }
  | { ok: false; reason: "invalid-token" }
  | { ok: false; reason: "invalid-password"; message: string };

export async function resetPassword(
  input: TokenUse & { password: string },
): Promise<ResetPasswordResult> {
  const now = input.now ?? new Date();
  // Look before using the link up, so a password the rules refuse leaves the link working.
  const userId = await findToken(input.token, "reset-password", now);
  const user = userId ? await getUserById(userId) : null;
  if (!user) return { ok: false, reason: "invalid-token" };
  const check = checkPassword(input.password, { email: user.email });
  if (!check.ok) return { ok: false, reason: "invalid-password", message: check.message };

  const passwordHash = await hashPassword(input.password);
  if ((await consumeToken(input.token, "reset-password", now)) !== user.userId) {
    return { ok: false, reason: "invalid-token" };
  }
  const updated = await setPassword(user.userId, passwordHash, now);
  await Promise.all([
    deleteUserSessions(user.userId),
    deleteUserTokens(user.userId, "reset-password"),
    // The link reached the inbox, which is all that verification proves.
    user.emailVerified ? undefined : markEmailVerified(user.userId),
    // The owner just proved control; a lock from someone else's guessing should not block them.
    clearThrottle(accountThrottleKey(user.email)),
  ]);
  return { ok: true, user: { ...updated, emailVerified: true } };
}

export async function verifyEmail(
  input: TokenUse,
): Promise<{ ok: true; userId: string } | { ok: false }> {
  const userId = await consumeToken(input.token, "verify-email", input.now);
  if (!userId) return { ok: false };
  await markEmailVerified(userId);
  return { ok: true, userId };
}

export type ChangePasswordResult =
  | { ok: true }
  | { ok: false; reason: "wrong-password" }
  | { ok: false; reason: "throttled"; retryAfterMinutes: number }
  | { ok: false; reason: "invalid-password"; message: string };

export type ConfirmPasswordResult =
  | { ok: true; user: User }
  | { ok: false; reason: "wrong-password" }
  | { ok: false; reason: "throttled"; retryAfterMinutes: number };

/**
 * The signed-in user typing their password again before something that cannot be undone.
 * Throttled like a login: a stolen session must not become a way to guess the password
 * without limit.
 */
export async function confirmPassword(
  userId: string,
  password: string,
  now = new Date(),
): Promise<ConfirmPasswordResult> {
  const user = await getUserById(userId);
  if (!user) return { ok: false, reason: "wrong-password" };
  const accountKey = accountThrottleKey(user.email);
  const throttle = await checkThrottle([accountKey], now);
  if (throttle.blocked) {
    return { ok: false, reason: "throttled", retryAfterMinutes: throttle.retryAfterMinutes };
  }
  if (!(await verifyPassword(password, user.passwordHash))) {
    await recordFailure([accountKey], now);
    return { ok: false, reason: "wrong-password" };
  }
  return { ok: true, user };
}

/** Ends every session of the user except the one that made the change. */
export async function changePassword(input: {
  userId: string;
  current: string;
  next: string;
  keepSessionRawId?: string;
  now?: Date;
}): Promise<ChangePasswordResult> {
  const now = input.now ?? new Date();
  const confirmed = await confirmPassword(input.userId, input.current, now);
  if (!confirmed.ok) return confirmed;
  const { user } = confirmed;
  const check = checkPassword(input.next, { email: user.email });
  if (!check.ok) return { ok: false, reason: "invalid-password", message: check.message };

  const passwordHash = await hashPassword(input.next);
  // Stamped before the change, with the same instant, so the kept session is never briefly
  // older than the password.
  if (input.keepSessionRawId)
    await confirmSessionPassword(input.keepSessionRawId, now.toISOString());
  await setPassword(user.userId, passwordHash, now);
  await deleteUserSessions(user.userId, { except: input.keepSessionRawId });
  return { ok: true };
}
