import { describe, expect, it } from "vitest";
import { FAILURE_LIMITS, failureLimit, isWindowOpen, judge, windowEnd } from "./throttle-policy";

const now = new Date("2026-01-10T08:00:00.000Z");
const seconds = (d: Date) => d.getTime() / 1000;

describe("throttle policy", () => {
  it("opens a 15-minute window", () => {
    expect(windowEnd("account#a@example.com", now)).toBe(seconds(now) + 15 * 60);
  });

  it("allows 3 mails an hour to one address and 30 to one client", () => {
    expect(failureLimit("mail#a@example.com")).toBe(3);
    expect(failureLimit("mail-ip#203.0.113.9")).toBe(30);
    expect(windowEnd("mail#a@example.com", now)).toBe(seconds(now) + 60 * 60);
  });

  it("limits accounts at 10 and addresses higher", () => {
    expect(failureLimit("account#a@example.com")).toBe(10);
    expect(failureLimit("ip#203.0.113.9")).toBe(FAILURE_LIMITS.ip);
    expect(FAILURE_LIMITS.ip).toBeGreaterThan(FAILURE_LIMITS.account);
  });

  it("does not block below the limit", () => {
    const record = {
      throttleKey: "account#a",
      failures: 9,
      expiresAt: windowEnd("account#a", now),
    };
    expect(judge([record], now)).toEqual({ blocked: false });
  });

  it("blocks at the limit until the window ends, rounding minutes up", () => {
    const record = {
      throttleKey: "account#a",
      failures: 10,
      expiresAt: windowEnd("account#a", now),
    };
    expect(judge([record], now)).toEqual({ blocked: true, retryAfterMinutes: 15 });
    const in14m30s = new Date(now.getTime() + (14 * 60 + 30) * 1000);
    expect(judge([record], in14m30s)).toEqual({ blocked: true, retryAfterMinutes: 1 });
  });

  it("ignores a window that has ended but is not yet deleted", () => {
    const record = { throttleKey: "account#a", failures: 40, expiresAt: seconds(now) };
    expect(isWindowOpen(record, now)).toBe(false);
    expect(judge([record], now)).toEqual({ blocked: false });
  });

  it("reports the longest wait among blocked keys", () => {
    const soon = { throttleKey: "account#a", failures: 10, expiresAt: seconds(now) + 120 };
    const late = { throttleKey: "ip#1", failures: 50, expiresAt: seconds(now) + 600 };
    expect(judge([soon, late], now)).toEqual({ blocked: true, retryAfterMinutes: 10 });
  });
});
