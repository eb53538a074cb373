import { describe, expect, it } from "vitest";
import { hashPassword } from "../src/accounts/passwords";
import { createSession } from "../src/accounts/sessions";
import { createUser, getUserByEmail } from "../src/data/users";
import { randomToken } from "../src/domain/tokens";
import { FormClient, uniqueEmail } from "./support/client";
import { sessionCookiePair } from "./support/users";
import { baseUrl } from "./support/ports";

describe("form safety against Sandbox", () => {
  it("refuses a cross-site POST with 403 and changes nothing", async () => {
    const email = uniqueEmail("csrf");
    const client = new FormClient();
    const page = await client.get("/join");
    const token = /name="csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? "";
    const response = await client.post(
      "/join",
      { csrf: token, email, password: "valid-password-1" },
      { origin: "https://evil.example", "sec-fetch-site": "cross-site" },
    );
    expect(response.status).toBe(403);
    expect(await getUserByEmail(email)).toBeNull();
  });

  it("refuses a form whose CSRF token does not match, keeping the input", async () => {
    const email = uniqueEmail("token");
    const client = new FormClient();
    await client.get("/join");
    const response = await client.post("/join", {
      csrf: "x".repeat(43),
      email,
      password: "valid-password-1",
    });
    expect(response.status).toBe(403);
    expect(await response.text()).toContain(`value="${email}"`);
    expect(await getUserByEmail(email)).toBeNull();
  });

  it("refuses an oversized body with 413", async () => {
    const client = new FormClient();
    const response = await client.submit("/join", {
      email: uniqueEmail("big"),
      password: "x".repeat(400 * 1024),
    });
    expect(response.status).toBe(413);
  });

  it("sends security headers and nonced scripts on pages", async () => {
    const response = await fetch(baseUrl);
    expect(response.status).toBe(200);
    const csp = response.headers.get("content-security-policy") ?? "";
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    const html = await response.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  });

  it("serves pages in standards mode, with no attribute HTML does not define", async () => {
    for (const path of ["/", "/login", "/no-such-page"]) {
      const html = await (await fetch(`${baseUrl}${path}`)).text();
      expect(html.startsWith("<!DOCTYPE html>"), path).toBe(true);
      expect(html.toLowerCase(), path).not.toContain("suppresshydrationwarning");
    }
  });

  it("renders 404 inside the layout", async () => {
    const response = await fetch(`${baseUrl}/no-such-page`);
    expect(response.status).toBe(404);
    const html = await response.text();
    expect(html).toContain("Page not found");
    expect(html).toContain('aria-label="Main"');
  });

  it("treats a session cookie naming no possible user as signed out, not as a server error", async () => {
    // A user id longer than DynamoDB's key limit would fail the read itself.
    for (const userId of ["x".repeat(2500), "not a user id", ""]) {
      const client = new FormClient();
      const held = await sessionCookiePair(randomToken(), userId);
      client.setCookie(held.name, held.value);
      const dashboard = await client.get("/dashboard");
      expect(dashboard.status).toBe(302);
      expect(dashboard.headers.get("location")).toContain("/login");
      expect((await client.get("/")).status).toBe(200);
    }
  });

  it("rejects a session row whose TTL has passed but is still present", async () => {
    const created = await createUser({
      email: uniqueEmail("expired"),
      passwordHash: await hashPassword("expired-session-1"),
    });
    if (!created.ok) throw new Error("user not created");
    const dayAndAHalfAgo = new Date(Date.now() - 36 * 60 * 60 * 1000);
    const { rawId, session } = await createSession(created.user.userId, dayAndAHalfAgo);
    expect(session.expiresAt * 1000).toBeLessThan(Date.now());

    const client = new FormClient();
    const expired = await sessionCookiePair(rawId, created.user.userId);
    client.setCookie(expired.name, expired.value);
    const dashboard = await client.get("/dashboard");
    expect(dashboard.status).toBe(302);
    expect(dashboard.headers.get("location")).toContain("/login");

    const { session: fresh, rawId: freshId } = await createSession(created.user.userId);
    expect(fresh.expiresAt * 1000).toBeGreaterThan(Date.now());
    const live = new FormClient();
    const held = await sessionCookiePair(freshId, created.user.userId);
    live.setCookie(held.name, held.value);
    expect((await live.get("/dashboard")).status).toBe(200);
  });
});
