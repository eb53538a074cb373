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
 * Whether one more mail may go out for these keys (the address, the client asking), counting it
 * when it may. Callers answer the same either way, so the limit tells nobody which address has
 * an account.
 */
export async function takeMailAllowance(
  keys: readonly string[],
  now = new Date(),
): Promise<boolean> {
  if ((await checkThrottle(keys, now)).blocked) return false;
  await recordFailure(keys, now);
  return true;
}
