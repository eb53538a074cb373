import { describe, expect, it } from "vitest";
import { API_TOKEN_IDLE_MS, API_TOKEN_LIFETIME_MS, evaluateApiToken } from "./devices";

const start = new Date("2026-01-10T08:00:00.000Z");
const later = (ms: number) => new Date(start.getTime() + ms);
const DAY = 24 * 60 * 60_000;
const user = { passwordChangedAt: "2026-01-01T00:00:00.000Z" };

function row(lastUsed = start) {
  return {
    createdAt: start.toISOString(),
    lastUsedAt: lastUsed.toISOString(),
    expiresAt: Math.floor((start.getTime() + API_TOKEN_LIFETIME_MS) / 1000),
  };
}

/** The verdict on a token last used at `lastUsed`, `ms` after it was issued. */
const verdictAt = (ms: number, lastUsed = start, owner: typeof user = user) =>
  evaluateApiToken(row(lastUsed), owner, later(ms));

describe("evaluateApiToken", () => {
  it("accepts a fresh token without a write, and asks for a refresh after five minutes", () => {
    expect(verdictAt(60_000)).toEqual({ valid: true, touch: false });
    expect(verdictAt(5 * 60_000)).toEqual({ valid: true, touch: true });
  });

  it("ends a token idle for seven days, however young", () => {
    expect(verdictAt(API_TOKEN_IDLE_MS - 1).valid).toBe(true);
    expect(verdictAt(API_TOKEN_IDLE_MS)).toEqual({ valid: false, reason: "idle" });
  });

  it("ends a token after thirty days, however busy", () => {
    const busy = later(30 * DAY - 60_000);
    expect(verdictAt(30 * DAY - 1, busy).valid).toBe(true);
    expect(verdictAt(30 * DAY, busy)).toEqual({ valid: false, reason: "expired" });
  });

  it("ends a token issued before the last password change", () => {
    const changed = { passwordChangedAt: later(DAY).toISOString() };
    expect(verdictAt(DAY + 1, later(DAY), changed)).toEqual({
      valid: false,
      reason: "password-changed",
    });
  });
});
