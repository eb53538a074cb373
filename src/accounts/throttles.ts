import { countInWindow, readThrottles } from "../data/throttles";
import { judge, windowEnd, type ThrottleVerdict } from "./throttle-policy";

export async function checkThrottle(
  keys: readonly string[],
  now = new Date(),
): Promise<ThrottleVerdict> {
  return judge(await readThrottles(keys), now);
}

export async function recordFailure(keys: readonly string[], now = new Date()): Promise<void> {
  await Promise.all([...new Set(keys)].map((key) => countInWindow(key, windowEnd(key, now), now)));
}

/**
 * Whether one more of something limited (a mail for an address or a client, a QR code for a
 * client) may happen for these keys, counting it when it may. Mail callers answer the same
 * either way, so the limit tells nobody which address has an account.
 */
export async function takeAllowance(
  keys: readonly string[],
  now = new Date(),
): Promise<ThrottleVerdict> {
  const verdict = await checkThrottle(keys, now);
  if (!verdict.blocked) await recordFailure(keys, now);
  return verdict;
}
