import { isTokenFormat, randomToken, sha256, type TokenUse } from "../domain/tokens";
import { qrClientThrottleKey } from "../data/keys";
import {
  approveQrToken,
  cancelQrToken,
  getQrToken,
  putQrToken,
  useQrToken,
  type QrTokenRow,
} from "../data/qr-tokens";
import { getSessionById } from "../data/sessions";
import { getUserById, type User } from "../data/users";
import { issueDevice, type Device } from "./devices";
import { evaluateSession } from "./session-policy";
import { takeAllowance } from "./throttles";

/**
 * QR login handoff between a browser and the mobile app, both ways, free of HTTP.
 *
 * - Web login: /login shows a code bound to a secret in that browser's cookie; the signed-in
 *   app approves it; only the browser holding the secret is then signed in, once.
 * - App sign-in: a signed-in browser shows a code bound to its session; the app redeems it for a
 *   bearer token while that session still holds.
 *
 * Every token is 256 random bits, stored hashed, lives 5 minutes (checked on every read) and is
 * used once by a conditional update.
 */

const QR_TTL_MS = 5 * 60_000;
const BROWSER_MAX = 60;

type Refusal = "not-found" | "expired" | "already-used";
export type QrRefused = { ok: false; reason: Refusal };
type Throttled = { ok: false; reason: "throttled"; blocked: true; retryAfterMinutes: number };

/** "Firefox on Windows": enough for a student to recognise the browser, nothing more. */
export function describeBrowser(userAgent: string): string {
  const browsers: [RegExp, string][] = [
    [/Edg\//, "Edge"],
    [/OPR\//, "Opera"],
    [/Firefox\//, "Firefox"],
    [/Chromium\//, "Chromium"],
    [/Chrome\//, "Chrome"],
    [/Safari\//, "Safari"],
  ];
  const systems: [RegExp, string][] = [
    [/Android/, "Android"],
    [/iPhone|iPad/, "iOS"],
    [/Windows/, "Windows"],
    [/Mac OS X|Macintosh/, "macOS"],
    [/CrOS/, "ChromeOS"],
    [/Linux/, "Linux"],
  ];
  const browser = browsers.find(([pattern]) => pattern.test(userAgent))?.[1];
  const system = systems.find(([pattern]) => pattern.test(userAgent))?.[1];
  if (browser && system) return `${browser} on ${system}`;
  return (browser ?? system ?? "A web browser").slice(0, BROWSER_MAX);
}

function isOpen(row: QrTokenRow, now: Date): boolean {
  return !row.used && !row.cancelledAt && row.expiresAt * 1000 > now.getTime();
}

/** Why a row can no longer be used, in the order a student would want to hear it. */
function refusal(row: QrTokenRow | null, kind: QrTokenRow["kind"], now: Date): Refusal {
  if (!row || row.kind !== kind) return "not-found";
  if (row.used || row.cancelledAt || row.approvedAt) return "already-used";
  return row.expiresAt * 1000 > now.getTime() ? "already-used" : "expired";
}

async function findRow(token: string): Promise<QrTokenRow | null> {
  return isTokenFormat(token) ? getQrToken(sha256(token)) : null;
}

/** The row a browser asks about, only when it is of this kind and bound to that browser's secret. */
async function boundRow(token: string, kind: QrTokenRow["kind"], secret: string) {
  const row = await findRow(token);
  return row && row.kind === kind && row.bindingHash === sha256(secret) ? row : null;
}

/** What the browser that showed a code sees, besides the signed-in state of its own flow. */
type Polled =
  { state: "waiting"; expiresAt: string } | { state: "expired" | "cancelled" | "unknown" };

async function newToken(
  input: { ip: string; userAgent: string; now: Date },
  row: Pick<QrTokenRow, "kind" | "bindingHash" | "userId">,
): Promise<{ ok: true; token: string; expiresAt: string } | Throttled> {
  const verdict = await takeAllowance([qrClientThrottleKey(input.ip)], input.now);
  if (verdict.blocked) return { ok: false, reason: "throttled", ...verdict };
  const token = randomToken();
  const expiresAt = new Date(input.now.getTime() + QR_TTL_MS);
  await putQrToken({
    ...row,
    tokenHash: sha256(token),
    browser: describeBrowser(input.userAgent),
    createdAt: input.now.toISOString(),
    expiresAt: Math.ceil(expiresAt.getTime() / 1000),
    used: false,
  });
  return { ok: true, token, expiresAt: expiresAt.toISOString() };
}

const seconds = (now: Date) => Math.floor(now.getTime() / 1000);
const expiry = (row: QrTokenRow) => new Date(row.expiresAt * 1000).toISOString();

// ------------------------------------------------------------------ web login (browser shows)

/**
 * A code for /login. `binding` goes into the browser's cookie and nowhere else: whoever sees or
 * photographs the screen learns only the token, which signs in nobody without it.
 */
export async function startWebLogin(input: { ip: string; userAgent: string; now?: Date }) {
  const now = input.now ?? new Date();
  const binding = randomToken();
  const started = await newToken(
    { ...input, now },
    { kind: "web-login", bindingHash: sha256(binding) },
  );
  return started.ok ? { ...started, binding } : started;
}

export type WebLoginState =
  Polled | { state: "signed-in"; user: User; deviceName: string; approvedAt: string };

/**
 * What the browser that showed the code sees when it asks again; once the app has approved it,
 * the first ask from this browser claims it (a fresh session follows) and no later one can.
 */
export async function webLoginState(input: TokenUse & { binding: string }): Promise<WebLoginState> {
  const now = input.now ?? new Date();
  const row = await boundRow(input.token, "web-login", input.binding);
  if (!row) return { state: "unknown" };
  if (row.cancelledAt) return { state: "cancelled" };
  if (!isOpen(row, now)) return { state: row.used ? "unknown" : "expired" };
  if (!row.approvedAt || !row.userId) return { state: "waiting", expiresAt: expiry(row) };
  const claimed = await useQrToken(row.tokenHash, {
    kind: "web-login",
    bindingHash: row.bindingHash,
    nowSeconds: seconds(now),
  });
  const user = claimed ? await getUserById(row.userId) : null;
  if (!user) return { state: "unknown" };
  return { state: "signed-in", user, deviceName: row.deviceName ?? "", approvedAt: row.approvedAt };
}

/** What the app shows before the student approves: which browser asked, and when. */
export type QrRequest = {
  kind: QrTokenRow["kind"];
  browser: string;
  requestedAt: string;
  expiresAt: string;
};

/** The app's look at a scanned code, before it asks the student to approve. */
export async function inspectQr(input: TokenUse): Promise<({ ok: true } & QrRequest) | QrRefused> {
  const now = input.now ?? new Date();
  const row = await findRow(input.token);
  if (!row || !isOpen(row, now) || row.approvedAt) {
    return { ok: false, reason: refusal(row, row?.kind ?? "web-login", now) };
  }
  return { ok: true, ...describe(row) };
}

function describe(row: QrTokenRow): QrRequest {
  return {
    kind: row.kind,
    browser: row.browser,
    requestedAt: row.createdAt,
    expiresAt: expiry(row),
  };
}

/**
 * The signed-in app approves a code shown on /login. Of two approvals of one code exactly one
 * wins; the reply names the browser and the time, so the student sees what they let in.
 */
export async function approveWebLogin(
  input: TokenUse & { user: User; device: Pick<Device, "name"> },
): Promise<({ ok: true; approvedAt: string } & QrRequest) | QrRefused> {
  const now = input.now ?? new Date();
  const row = await findRow(input.token);
  if (!row || row.kind !== "web-login" || !isOpen(row, now) || row.approvedAt) {
    return { ok: false, reason: refusal(row, "web-login", now) };
  }
  const approvedAt = now.toISOString();
  const approved = await approveQrToken(row.tokenHash, {
    userId: input.user.userId,
    deviceName: input.device.name,
    approvedAt,
    nowSeconds: seconds(now),
  });
  if (!approved) return { ok: false, reason: "already-used" };
  return { ok: true, approvedAt, ...describe(row) };
}

/** Only the browser that showed a code can cancel it; true when it was still open. */
export async function cancelQr(input: TokenUse & { binding: string }): Promise<boolean> {
  if (!isTokenFormat(input.token)) return false;
  const now = input.now ?? new Date();
  return cancelQrToken(sha256(input.token), sha256(input.binding), now.toISOString());
}

// ------------------------------------------------------------- app sign-in (browser shows)

/**
 * A code on the account page, bound to the session that asked for it: the binding's secret is
 * the session cookie's value, so its hash is the session id and a signed-out session ends it.
 */
export function startAppSignIn(input: {
  user: User;
  sessionSecret: string;
  ip: string;
  userAgent: string;
  now?: Date;
}) {
  return newToken(
    { ...input, now: input.now ?? new Date() },
    { kind: "app-sign-in", bindingHash: sha256(input.sessionSecret), userId: input.user.userId },
  );
}

export type AppSignInState = Polled | { state: "signed-in"; deviceName: string };

/** What the account page that showed the code sees: still waiting, or which device came in. */
export async function appSignInState(
  input: TokenUse & { sessionSecret: string },
): Promise<AppSignInState> {
  const now = input.now ?? new Date();
  const row = await boundRow(input.token, "app-sign-in", input.sessionSecret);
  if (!row) return { state: "unknown" };
  if (row.used) return { state: "signed-in", deviceName: row.deviceName ?? "" };
  if (row.cancelledAt) return { state: "cancelled" };
  if (!isOpen(row, now)) return { state: "expired" };
  return { state: "waiting", expiresAt: expiry(row) };
}

export type RedeemResult =
  | { ok: true; user: User; token: string; device: Device }
  | { ok: false; reason: Refusal | "session-ended" };

/**
 * The app scanned the account page's code: a bearer token for that account, once, and only
 * while the browser session that showed it still holds (signing out there ends the code).
 */
export async function redeemAppSignIn(
  input: TokenUse & { deviceName: string; userAgent: string },
): Promise<RedeemResult> {
  const now = input.now ?? new Date();
  const row = await findRow(input.token);
  if (!row || row.kind !== "app-sign-in" || !isOpen(row, now) || !row.userId) {
    return { ok: false, reason: refusal(row, "app-sign-in", now) };
  }
  const [session, user] = await Promise.all([
    getSessionById(row.bindingHash),
    getUserById(row.userId),
  ]);
  if (!session || !user || session.userId !== user.userId) {
    return { ok: false, reason: "session-ended" };
  }
  if (!evaluateSession(session, user, now).valid) return { ok: false, reason: "session-ended" };
  const used = await useQrToken(row.tokenHash, {
    kind: "app-sign-in",
    deviceName: input.deviceName,
    nowSeconds: seconds(now),
  });
  if (!used) return { ok: false, reason: "already-used" };
  return { ok: true, user, ...(await issueDevice(user, input, now)) };
}
