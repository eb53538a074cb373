import type { ThrottleRecord } from "../domain/throttle";

const MINUTE_MS = 60_000;

export const THROTTLE_WINDOW_MINUTES = 15;

/**
 * Per account, 10 wrong passwords in a window stop a brute force on one account. Per address
 * the limit is higher: a school or a mobile carrier puts many students behind one address,
 * and one student's typos must not lock out the class, while a spray across many accounts
 * from one address still stops after 50.
 */
export const FAILURE_LIMITS = { account: 10, ip: 50 } as const;

/**
 * Mail to one address, and mail asked for by one client, per hour: enough for a lost link and a
 * retry, too few to flood an inbox (a reset form posted in a loop sent 25 in a row). The client
 * limit is higher because a school shares one address: a class of 30 can join at once.
 */
export const MAIL_LIMITS = { address: 3, client: 30, windowMinutes: 60 } as const;

/**
 * QR codes one client may ask for: a code lasts 5 minutes, so 20 in 15 minutes is a class of
 * students behind one address with room for retries, while a script filling the table stops.
 */
const QR_LIMITS = { client: 20, windowMinutes: THROTTLE_WINDOW_MINUTES } as const;

export type ThrottleVerdict = { blocked: false } | { blocked: true; retryAfterMinutes: number };

function policyFor(throttleKey: string): { limit: number; windowMinutes: number } {
  if (throttleKey.startsWith("mail#")) {
    return { limit: MAIL_LIMITS.address, windowMinutes: MAIL_LIMITS.windowMinutes };
  }
  if (throttleKey.startsWith("qr-ip#")) {
    return { limit: QR_LIMITS.client, windowMinutes: QR_LIMITS.windowMinutes };
  }
  if (throttleKey.startsWith("mail-ip#")) {
    return { limit: MAIL_LIMITS.client, windowMinutes: MAIL_LIMITS.windowMinutes };
  }
  const limit = throttleKey.startsWith("ip#") ? FAILURE_LIMITS.ip : FAILURE_LIMITS.account;
  return { limit, windowMinutes: THROTTLE_WINDOW_MINUTES };
}

export function failureLimit(throttleKey: string): number {
  return policyFor(throttleKey).limit;
}

export function windowEnd(throttleKey: string, now: Date): number {
  return Math.ceil((now.getTime() + policyFor(throttleKey).windowMinutes * MINUTE_MS) / 1000);
}

/** Past its end a window no longer counts, even while TTL has not yet removed the row. */
export function isWindowOpen(record: Pick<ThrottleRecord, "expiresAt">, now: Date): boolean {
  return record.expiresAt * 1000 > now.getTime();
}

export function judge(records: readonly ThrottleRecord[], now: Date): ThrottleVerdict {
  let retryAfterMs = 0;
  for (const record of records) {
    if (!isWindowOpen(record, now) || record.failures < failureLimit(record.throttleKey)) continue;
    retryAfterMs = Math.max(retryAfterMs, record.expiresAt * 1000 - now.getTime());
  }
  if (retryAfterMs === 0) return { blocked: false };
  return { blocked: true, retryAfterMinutes: Math.max(1, Math.ceil(retryAfterMs / MINUTE_MS)) };
}
