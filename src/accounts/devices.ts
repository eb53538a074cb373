import { randomToken, sha256, isTokenFormat } from "../domain/tokens";
import {
  deleteApiToken,
  getApiToken,
  listUserApiTokens,
  putApiToken,
  touchApiToken,
  type ApiTokenRow,
} from "../data/api-tokens";
import { getUserById, type User } from "../data/users";
import { authenticate, type AuthenticateResult, type Credentials } from "./service";
import { evaluateCredential, type CredentialLimits, type SessionVerdict } from "./session-policy";

/**
 * Bearer tokens for the mobile app, free of HTTP. A token is 256 random bits handed to the
 * device once; only its SHA-256 is stored, so a leaked table signs nobody in.
 */

const DAY_MS = 24 * 60 * 60_000;
/** A phone is signed in far longer than a browser session, but not for ever. */
export const API_TOKEN_LIFETIME_MS = 30 * DAY_MS;
/** A device unused for a week (lost, sold, uninstalled) has to sign in again. */
export const API_TOKEN_IDLE_MS = 7 * DAY_MS;
const API_TOKEN_LIMITS: CredentialLimits = {
  lifetimeMs: API_TOKEN_LIFETIME_MS,
  idleMs: API_TOKEN_IDLE_MS,
  // lastUsedAt is shown to the hour at best.
  touchMs: 5 * 60_000,
};

export const DEVICE_NAME_MAX = 80;
const USER_AGENT_MAX = 200;

/** What the account page and `GET /api/v1/me` show of a device; never the token. */
export interface Device {
  deviceId: string;
  name: string;
  userAgent: string;
  createdAt: string;
  lastUsedAt: string;
  expiresAt: string;
}

/**
 * A device's token follows the browser session's rule with its own limits; it is proved once,
 * when issued, so a password change since then ends it.
 */
export function evaluateApiToken(
  row: Pick<ApiTokenRow, "createdAt" | "lastUsedAt" | "expiresAt">,
  user: Pick<User, "passwordChangedAt" | "disabledAt">,
  now: Date,
): SessionVerdict {
  const times = { ...row, lastSeenAt: row.lastUsedAt, authenticatedAt: row.createdAt };
  return evaluateCredential(times, user, now, API_TOKEN_LIMITS);
}

function toDevice(row: ApiTokenRow): Device {
  return {
    deviceId: row.tokenHash,
    name: row.deviceName,
    userAgent: row.userAgent,
    createdAt: row.createdAt,
    lastUsedAt: row.lastUsedAt,
    expiresAt: new Date(row.expiresAt * 1000).toISOString(),
  };
}

export type SignInDeviceResult =
  | { ok: true; user: User; token: string; device: Device }
  | Exclude<AuthenticateResult, { ok: true }>;

/**
 * The login use case of the web page (throttling, one answer for unknown email and wrong
 * password, the unverified resend), then a token for the device instead of a cookie.
 */
export async function signInDevice(
  input: Credentials & { deviceName: string; userAgent: string },
): Promise<SignInDeviceResult> {
  const now = input.now ?? new Date();
  const checked = await authenticate({ ...input, now });
  if (!checked.ok) return checked;
  return { ok: true, user: checked.user, ...(await issueDevice(checked.user, input, now)) };
}

/** A token for a device of a user who has just proved who they are (password or QR code). */
export async function issueDevice(
  user: User,
  input: { deviceName: string; userAgent: string },
  now: Date,
): Promise<{ token: string; device: Device }> {
  const token = randomToken();
  const at = now.toISOString();
  const row: ApiTokenRow = {
    tokenHash: sha256(token),
    userId: user.userId,
    deviceName: input.deviceName.slice(0, DEVICE_NAME_MAX),
    userAgent: input.userAgent.slice(0, USER_AGENT_MAX),
    createdAt: at,
    lastUsedAt: at,
    expiresAt: Math.floor((now.getTime() + API_TOKEN_LIFETIME_MS) / 1000),
  };
  await putApiToken(row);
  return { token, device: toDevice(row) };
}

export type DeviceAuthResult =
  | { ok: true; user: User; device: Device }
  | { ok: false; reason: "unknown" | Extract<SessionVerdict, { valid: false }>["reason"] };

/** The user behind a bearer token, or why there is none; the API answers 401 alike for all. */
export async function authenticateDevice(input: {
  token: string;
  now?: Date;
}): Promise<DeviceAuthResult> {
  const now = input.now ?? new Date();
  if (!isTokenFormat(input.token)) return { ok: false, reason: "unknown" };
  const row = await getApiToken(sha256(input.token));
  const user = row ? await getUserById(row.userId) : null;
  if (!row || !user) return { ok: false, reason: "unknown" };
  const verdict = evaluateApiToken(row, user, now);
  if (!verdict.valid) {
    // A timed-out token can never come back, so tidy it now rather than wait for the TTL.
    await deleteApiToken(row.tokenHash, row.userId);
    return { ok: false, reason: verdict.reason };
  }
  if (!verdict.touch) return { ok: true, user, device: toDevice(row) };
  const lastUsedAt = now.toISOString();
  if (!(await touchApiToken(row.tokenHash, lastUsedAt))) return { ok: false, reason: "unknown" };
  return { ok: true, user, device: toDevice({ ...row, lastUsedAt }) };
}

/** The user's signed-in devices that still hold, most recently used first. */
export async function listDevices(input: { userId: string; now?: Date }): Promise<Device[]> {
  const now = input.now ?? new Date();
  const user = await getUserById(input.userId);
  if (!user) return [];
  const rows = await listUserApiTokens(input.userId);
  return rows
    .filter((row) => evaluateApiToken(row, user, now).valid)
    .sort((a, b) => b.lastUsedAt.localeCompare(a.lastUsedAt))
    .map(toDevice);
}

/** Signs a device out, from the device itself or from the account page; only the owner's. */
export async function revokeDevice(input: {
  userId: string;
  deviceId: string;
}): Promise<{ ok: true } | { ok: false; reason: "not-found" }> {
  // A device id is a SHA-256 in base64url, the shape of a token; anything else (an empty or
  // oversized field) would be a DynamoDB key error, not an unknown device.
  if (!isTokenFormat(input.deviceId)) return { ok: false, reason: "not-found" };
  return (await deleteApiToken(input.deviceId, input.userId))
    ? { ok: true }
    : { ok: false, reason: "not-found" };
}
