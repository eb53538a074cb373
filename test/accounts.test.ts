import { describe, expect, it } from "vitest";
import { joinAndVerify, latestMailTo, PASSWORD } from "./support/accounts";
import { FormClient, linkFrom, uniqueEmail } from "./support/client";

/**
 * The form at `path` sent from fresh browsers with `password`, first for an address that has a
 * verified account and then for one that has none.
 */
async function knownAndUnknown(path: string, known: string, unknown: string, password: string) {
  const email = uniqueEmail(known);
  await joinAndVerify(email);
  return [
    await new FormClient().submit(path, { email, password }),
    await new FormClient().submit(path, { email: uniqueEmail(unknown), password }),
  ] as const;
}

describe("accounts over HTTP against Sandbox", () => {
  it("join -> verify via the outbox -> logout -> login -> dashboard", async () => {
    const email = uniqueEmail("flow");
    const client = await joinAndVerify(email);
    const dashboard = await client.get("/dashboard");
    expect(dashboard.status).toBe(200);
    expect(await dashboard.text()).toContain(email);

    const out = await client.submit("/dashboard", {}, "/logout");
    expect(out.status).toBe(302);
    expect((await client.get("/dashboard")).status).toBe(302);

    const login = await client.submit("/login", { email: email.toUpperCase(), password: PASSWORD });
    expect(login.status).toBe(302);
    expect(login.headers.get("location")).toBe("/dashboard");
    expect((await client.get("/dashboard")).status).toBe(200);
  });

  it("answers join the same way whether or not the email exists", async () => {
    const [again, fresh] = await knownAndUnknown("/join", "twice", "fresh", "other-pass-99x");
    expect(again.status).toBe(fresh.status);
    const strip = (html: string) => html.replace(/[\w.+-]+@example\.com/g, "EMAIL");
    const pick = (html: string) => /<h1>[^<]*<\/h1>/.exec(html)?.[0];
    expect(pick(strip(await again.text()))).toBe(pick(strip(await fresh.text())));
  });

  it("gives one message for a wrong password and an unknown email", async () => {
    const [wrong, unknown] = await knownAndUnknown("/login", "enum", "nobody", "not-the-password");
    expect(wrong.status).toBe(400);
    expect(unknown.status).toBe(400);
    const message = (html: string) => /role="alert">([^<]+)</.exec(html)?.[1];
    expect(message(await wrong.text())).toBe(message(await unknown.text()));
  });

  it("keeps what the student typed when a field is invalid", async () => {
    const response = await new FormClient().submit("/join", {
      email: "not-an-email",
      password: "abc",
    });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('value="not-an-email"');
    expect(html).toMatch(/field-error[^>]*>[^<]*email/i);
    expect(html).toMatch(/field-error[^>]*>[^<]*8 characters/i);
  });

  it("a reset link works once and ends the other sessions", async () => {
    const email = uniqueEmail("reset");
    const laptop = await joinAndVerify(email);
    expect((await laptop.get("/dashboard")).status).toBe(200);

    const phone = new FormClient();
    const asked = await phone.submit("/forgot-password", { email });
    expect(asked.status).toBe(200);
    const resetPath = linkFrom(await latestMailTo(phone, email), "/reset-password");
    const done = await phone.submit(resetPath, { password: "new-river-stone-7" }, resetPath);
    expect(done.status).toBe(302);
    expect(done.headers.get("location")).toContain("/login");

    const reused = await phone.submit(resetPath, { password: "another-one-88x" }, resetPath);
    expect(reused.status).toBe(400);
    expect(await reused.text()).toContain("already been used");

    expect((await laptop.get("/dashboard")).status).toBe(302);
    const oldPassword = await new FormClient().submit("/login", { email, password: PASSWORD });
    expect(oldPassword.status).toBe(400);
    const login = await new FormClient().submit("/login", { email, password: "new-river-stone-7" });
    expect(login.status).toBe(302);
  });

  it("sends redirectTo=//evil.example to a local page", async () => {
    const email = uniqueEmail("redirect");
    await joinAndVerify(email);
    const client = new FormClient();
    const login = await client.submit("/login?redirectTo=//evil.example", {
      email,
      password: PASSWORD,
      redirectTo: "//evil.example",
    });
    expect(login.status).toBe(302);
    expect(login.headers.get("location")).toBe("/dashboard");
  });

  it("throttles an account after 10 failures, even for the right password", async () => {
    const email = uniqueEmail("brute");
    await joinAndVerify(email);
    // Different client addresses are not available through Sandbox, so this also exercises
    // the per-address counter; the per-account counter has its own test in test/data.
    const attacker = new FormClient();
    for (let i = 0; i < 10; i++) {
      const attempt = await attacker.submit("/login", { email, password: `wrong-guess-${i}` });
      expect(attempt.status).toBe(400);
    }
    const eleventh = await attacker.submit("/login", { email, password: "wrong-guess-10" });
    expect(eleventh.status).toBe(429);
    expect(await eleventh.text()).toMatch(/Try again in \d+ minutes?/);
    const right = await attacker.submit("/login", { email, password: PASSWORD });
    expect(right.status).toBe(429);
  });
});
