import { describe, expect, it } from "vitest";
import {
  ABSOLUTE_LIFETIME_MS,
  IDLE_TIMEOUT_MS,
  evaluateSession,
  sessionExpiresAt,
} from "./session-policy";
import type { SessionTimes } from "../domain/session";

const start = new Date("2026-01-10T08:00:00.000Z");
const later = (ms: number) => new Date(start.getTime() + ms);
const MINUTE = 60_000;

function session(overrides: Partial<SessionTimes> = {}): SessionTimes {
  return {
    createdAt: start.toISOString(),
    lastSeenAt: start.toISOString(),
    authenticatedAt: start.toISOString(),
    expiresAt: sessionExpiresAt(start),
    ...overrides,
  };
}
const user = { passwordChangedAt: "2026-01-01T00:00:00.000Z" };

describe("evaluateSession", () => {
  it("refuses every session of a disabled account, however fresh", () => {
    const disabled = { ...user, disabledAt: start.toISOString() };
    expect(evaluateSession(session(), disabled, later(1_000))).toEqual({
      valid: false,
      reason: "disabled",
    });
  });

  it("accepts a fresh session without a write", () => {
    expect(evaluateSession(session(), user, later(30_000))).toEqual({ valid: true, touch: false });
  });

  it("asks for a lastSeenAt refresh at most once a minute", () => {
    expect(evaluateSession(session(), user, later(MINUTE))).toEqual({ valid: true, touch: true });
  });

  it("ends a session idle for two hours", () => {
    expect(evaluateSession(session(), user, later(IDLE_TIMEOUT_MS - 1)).valid).toBe(true);
    expect(evaluateSession(session(), user, later(IDLE_TIMEOUT_MS))).toEqual({
      valid: false,
      reason: "idle",
    });
  });

  it("ends an active session 24 hours after it began", () => {
    const active = session({ lastSeenAt: later(ABSOLUTE_LIFETIME_MS - MINUTE).toISOString() });
    expect(evaluateSession(active, user, later(ABSOLUTE_LIFETIME_MS - 1)).valid).toBe(true);
    expect(evaluateSession(active, user, later(ABSOLUTE_LIFETIME_MS))).toEqual({
      valid: false,
      reason: "expired",
    });
  });

  it("trusts the TTL attribute as a limit too", () => {
    const cut = session({ expiresAt: Math.floor(later(10 * MINUTE).getTime() / 1000) });
    expect(evaluateSession(cut, user, later(10 * MINUTE)).valid).toBe(false);
  });

  it("ends sessions authenticated before the last password change", () => {
    const changed = { passwordChangedAt: later(5 * MINUTE).toISOString() };
    expect(evaluateSession(session(), changed, later(6 * MINUTE))).toEqual({
      valid: false,
      reason: "password-changed",
    });
    const confirmed = session({ authenticatedAt: changed.passwordChangedAt });
    expect(evaluateSession(confirmed, changed, later(6 * MINUTE)).valid).toBe(true);
  });

  it("sets the TTL 24 hours ahead, in epoch seconds", () => {
    expect(sessionExpiresAt(start)).toBe(start.getTime() / 1000 + 24 * 3600);
  });
});
