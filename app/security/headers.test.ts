import { describe, expect, it } from "vitest";
import { applySecurityHeaders } from "./headers.server";
import { cookieOptions } from "./cookies.server";

describe("security headers", () => {
  it("sets a nonce CSP and HSTS only in production", () => {
    const deployed = new Headers();
    applySecurityHeaders(deployed, { nonce: "abc", production: true });
    expect(deployed.get("content-security-policy")).toContain("'nonce-abc'");
    expect(deployed.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(deployed.get("strict-transport-security")).toContain("max-age=");

    const local = new Headers();
    applySecurityHeaders(local, { nonce: "abc", production: false });
    expect(local.get("strict-transport-security")).toBeNull();
    expect(local.get("x-content-type-options")).toBe("nosniff");
  });

  it("uses __Host- Secure cookies in production only", () => {
    expect(cookieOptions(true)).toMatchObject({
      prefix: "__Host-",
      attributes: { secure: true, path: "/" },
    });
    expect(cookieOptions(false)).toMatchObject({ prefix: "", attributes: { secure: false } });
    expect(cookieOptions(true).attributes).toMatchObject({ httpOnly: true, sameSite: "lax" });
  });
});
