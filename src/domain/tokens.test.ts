import { describe, expect, it } from "vitest";
import { isTokenFormat, randomToken, sha256 } from "./tokens";

describe("tokens", () => {
  it("carries 256 random bits in 43 URL-safe characters", () => {
    const token = randomToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
    expect(isTokenFormat(token)).toBe(true);
  });

  it("never repeats", () => {
    const tokens = new Set(Array.from({ length: 1000 }, randomToken));
    expect(tokens.size).toBe(1000);
  });

  it("rejects malformed input before any lookup", () => {
    for (const bad of ["", "short", `${randomToken()}x`, "a".repeat(42) + "=", undefined, 42]) {
      expect(isTokenFormat(bad)).toBe(false);
    }
  });

  it("hashes deterministically and differently from the input", () => {
    const token = randomToken();
    expect(sha256(token)).toBe(sha256(token));
    expect(sha256(token)).not.toBe(token);
    expect(sha256("abc")).toBe("ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0");
  });
});
