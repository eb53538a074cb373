import { describe, expect, it } from "vitest";
import { joinAndVerify, latestMailTo, PASSWORD } from "./support/accounts";
import { FormClient, linkFrom, uniqueEmail } from "./support/client";
import { baseUrl } from "./support/ports";
import { signedInClient } from "./support/users";

const SECURITY_HEADERS = ["content-security-policy", "x-content-type-options", "x-frame-options"];

function expectSecurityHeaders(response: Response) {
  for (const name of SECURITY_HEADERS) expect(response.headers.get(name), name).toBeTruthy();
}

describe("links, redirects and passwords", () => {
  it("mails reset links for the configured site, whatever Host the request claims", async () => {
    const email = uniqueEmail("host");
    await joinAndVerify(email);
    const client = new FormClient();
    const page = await client.get("/forgot-password");
    const csrf = /name="csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? "";
    const asked = await client.post(
      "/forgot-password",
      { csrf, email },
      { "x-forwarded-host": "evil.example", host: "evil.example" },
    );
    expect(asked.status).toBeLessThan(400);
    const mail = await latestMailTo(client, email);
    expect(mail).not.toContain("evil.example");
    expect(mail).toContain(`${baseUrl}/reset-password?token=`);
  });

  it.each(["/.//evil.com", "/..//evil.com", "/%2e//evil.com", "/a/..//evil.com/path"])(
    "after login never redirects off the site for redirectTo=%s",
    async (redirectTo) => {
      const email = uniqueEmail("redirect");
      await joinAndVerify(email);
      const client = new FormClient();
      const response = await client.submit(
        `/login?redirectTo=${encodeURIComponent(redirectTo)}`,
        {
          email,
          password: PASSWORD,
          redirectTo,
        },
        "/login",
      );
      expect(response.status).toBe(302);
      const location = response.headers.get("location") ?? "";
      expect(location.startsWith("/")).toBe(true);
      expect(location.startsWith("//")).toBe(false);
      expect(new URL(location, baseUrl).origin).toBe(new URL(baseUrl).origin);
    },
  );

  it("never sends a typed password back in the page", async () => {
    const typed = "Unique-Secret-Phrase-7731";
    const joinPage = await new FormClient().submit("/join", {
      email: "not-an-email",
      password: typed,
    });
    expect(joinPage.status).toBe(400);
    expect(await joinPage.text()).not.toContain(typed);

    const email = uniqueEmail("echo");
    await joinAndVerify(email);
    const login = await new FormClient().submit("/login", { email, password: typed });
    expect(login.status).toBe(400);
    expect(await login.text()).not.toContain(typed);

    const { client } = await signedInClient("echo-change");
    const change = await client.submit("/account/password", {
      current: typed,
      next: `${typed}-new`,
    });
    expect(change.status).toBe(400);
    const html = await change.text();
    expect(html).not.toContain(typed);
  });
});

describe("messages that name the real cause", () => {
  it("change password: a new password the rules refuse is not called a wrong current password", async () => {
    const { client } = await signedInClient("policy-change");
    const { TEST_PASSWORD } = await import("./support/users");
    const response = await client.submit("/account/password", {
      current: TEST_PASSWORD,
      next: "password123",
    });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("too common");
    expect(html).not.toContain("That is not your current password");
  });

  it("reset: a refused password says why, and the link still works", async () => {
    const email = uniqueEmail("policy-reset");
    const client = await joinAndVerify(email);
    await client.submit("/forgot-password", { email });
    const resetPath = linkFrom(await latestMailTo(client, email), "/reset-password");
    const refused = await client.submit(resetPath, { password: "password123" }, "/reset-password");
    expect(refused.status).toBe(400);
    const html = await refused.text();
    expect(html).toContain("too common");
    expect(html).not.toContain("expired");
    const accepted = await client.submit(
      resetPath,
      { password: "harbour-lantern-new-9" },
      "/reset-password",
    );
    expect(accepted.status).toBe(302);
    expect(accepted.headers.get("location")).toBe("/login?notice=reset");
  });
});

describe("headers on every response", () => {
  it("puts the security headers on redirects, refusals and downloads", async () => {
    const redirect = await new FormClient().get("/dashboard");
    expect(redirect.status).toBe(302);
    expectSecurityHeaders(redirect);

    const refused = await new FormClient().post(
      "/join",
      { email: uniqueEmail("x") },
      { origin: "https://evil.example", "sec-fetch-site": "cross-site" },
    );
    expect(refused.status).toBe(403);
    expectSecurityHeaders(refused);

    const { client } = await signedInClient("headers-csv");
    const csv = await client.get("/profile.csv");
    expect(csv.status).toBe(200);
    expectSecurityHeaders(csv);
    expect(csv.headers.get("cache-control")).toBe("private, no-store");
  });

  it("marks signed-in pages and pages with a per-visitor token private", async () => {
    const { client } = await signedInClient("headers-page");
    const dashboard = await client.get("/dashboard");
    expect(dashboard.status).toBe(200);
    expect(dashboard.headers.get("cache-control")).toBe("private, no-store");
    // The join form sets this visitor's CSRF cookie and token: a shared cache must not keep it.
    const join = await fetch(`${baseUrl}/join`);
    expect(join.headers.get("cache-control")).toBe("private, no-store");
  });
});

describe("mail allowance", () => {
  it("sends at most 3 mails an hour to one address, answering every request the same", async () => {
    const email = uniqueEmail("flood");
    const client = await joinAndVerify(email);
    const pages: string[] = [];
    for (let i = 0; i < 4; i++) {
      const response = await client.submit("/forgot-password", { email });
      expect(response.status).toBe(200);
      const html = await response.text();
      const main = html.slice(html.indexOf("<main"), html.indexOf("</main>"));
      pages.push(main.replace(/(value|nonce)="[^"]*"/g, ""));
    }
    expect(new Set(pages).size).toBe(1);
    const outbox = await (await client.get("/dev/mail")).text();
    // The verification mail and two reset mails; the last two requests sent nothing.
    const sent = outbox.split(`<strong>To:</strong> ${email}<`).length - 1;
    expect(sent).toBe(3);
  });
});
