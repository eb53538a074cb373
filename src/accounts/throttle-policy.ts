const MINUTE_MS = 60_000;

export const THROTTLE_WINDOW_MINUTES = 15;

/**
 * Per account, 10 wrong passwords in a window stop a brute force on one account. Per address
 * the limit is higher: a school or a mobile carrier puts many students behind one address,
 * and one student's typos must not lock out the class, while a spray across many accounts
 * from one address still stops after 50.
 */
export const FAILURE_LIMITS = { account: 10, ip: 50 } as const;

/** A window opens with the first failure and closes a fixed time later (its TTL). */
export interface ThrottleRecord {
  throttleKey: string;
  failures: number;
  /** Epoch seconds: the end of the window, also the DynamoDB TTL. */
  expiresAt: number;
}

export type ThrottleVerdict = { blocked: false } | { blocked: true; retryAfterMinutes: number };

export function failureLimit(throttleKey: string): number {
  return throttleKey.startsWith("ip#") ? FAILURE_LIMITS.ip : FAILURE_LIMITS.account;
}

export function windowEnd(now: Date): number {
  return Math.ceil((now.getTime() + THROTTLE_WINDOW_MINUTES * MINUTE_MS) / 1000);
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
