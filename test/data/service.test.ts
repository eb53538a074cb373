import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { readOutbox } from "../../src/accounts/mailer";
import {
  authenticate,
  changePassword,
  checkResetToken,
  register,
  requestPasswordReset,
  resetPassword,
  verifyEmail,
} from "../../src/accounts/service";
import { createSession, readSession } from "../../src/accounts/sessions";
import { getUserByEmail } from "../../src/data/users";
import { uniqueEmail } from "./helpers";

const baseUrl = "http://localhost:3334";
const password = "tidal owl reads maps";

beforeAll(() => {
  process.env.OUTBOX_DIR = mkdtempSync(join(tmpdir(), "outbox-"));
  delete process.env.SENDGRID_API_KEY;
});

async function mailsTo(to: string) {
  return (await readOutbox()).filter((mail) => mail.to === to);
}

async function tokenFrom(to: string, path: string): Promise<string> {
  const [latest] = await mailsTo(to);
  const match = new RegExp(`${path}\\?token=([A-Za-z0-9_-]{43})`).exec(latest?.text ?? "");
  if (!match?.[1]) throw new Error(`no ${path} link mailed to ${to}`);
  return match[1];
}

/** Joined and verified through the outbox, as a user would. */
async function verifiedUser(email = uniqueEmail()) {
  await register({ email, password, baseUrl });
  const verified = await verifyEmail({ token: await tokenFrom(email, "/verify-email") });
  if (!verified.ok) throw new Error("verification failed");
  return { email, userId: verified.userId };
}

describe("account flows", () => {
  it("mails a working verification link on join, once", async () => {
    const email = uniqueEmail("join");
    expect(await register({ email: ` ${email.toUpperCase()}`, password, baseUrl })).toEqual({
      ok: true,
    });
    const [mail] = await mailsTo(email);
    expect(mail?.subject).toMatch(/Confirm your email/);
    expect(mail?.html).toContain(`${baseUrl}/verify-email?token=`);
    const token = await tokenFrom(email, "/verify-email");
    const user = await getUserByEmail(email);
    expect(user?.emailVerified).toBe(false);
    expect(await verifyEmail({ token })).toEqual({ ok: true, userId: user?.userId });
    expect((await getUserByEmail(email))?.emailVerified).toBe(true);
    expect(await verifyEmail({ token })).toEqual({ ok: false });
  });

  it("answers a second join identically and tells only the inbox owner", async () => {
    const { email } = await verifiedUser(uniqueEmail("twice"));
    const before = await getUserByEmail(email);
    expect(await register({ email, password: "another long phrase", baseUrl })).toEqual({
      ok: true,
    });
    const [mail] = await mailsTo(email);
    expect(mail?.subject).toMatch(/Someone tried to create/);
    expect(mail?.text).toContain(`${baseUrl}/forgot-password`);
    expect(await getUserByEmail(email)).toEqual(before);
  });

  it("logs in a verified user and refuses wrong or unknown credentials alike", async () => {
    const { email, userId } = await verifiedUser();
    const ip = `203.0.113.${Math.floor(Math.random() * 250)}`;
    const ok = await authenticate({ email: email.toUpperCase(), password, ip, baseUrl });
    expect(ok.ok && ok.user.userId).toBe(userId);
    expect(await authenticate({ email, password: "wrong guess!", ip, baseUrl })).toEqual({
      ok: false,
      reason: "invalid",
    });
    expect(await authenticate({ email: uniqueEmail(), password, ip, baseUrl })).toEqual({
      ok: false,
      reason: "invalid",
    });
  });

  it("holds back an unverified user and mails a fresh link", async () => {
    const email = uniqueEmail("unverified");
    await register({ email, password, baseUrl });
    const first = await tokenFrom(email, "/verify-email");
    expect(await authenticate({ email, password, baseUrl })).toEqual({
      ok: false,
      reason: "unverified",
    });
    const second = await tokenFrom(email, "/verify-email");
    expect(second).not.toBe(first);
    expect((await verifyEmail({ token: second })).ok).toBe(true);
    expect((await authenticate({ email, password, baseUrl })).ok).toBe(true);
  });

  it("throttles the 11th attempt on one account, even with the right password", async () => {
    const { email } = await verifiedUser();
    for (let i = 0; i < 10; i++) {
      const ip = `198.51.100.${i}`;
      const result = await authenticate({ email, password: `guess number ${i}`, ip, baseUrl });
      expect(result).toEqual({ ok: false, reason: "invalid" });
    }
    const eleventh = await authenticate({ email, password, ip: "192.0.2.1", baseUrl });
    expect(eleventh).toMatchObject({ ok: false, reason: "throttled" });
    expect(
      eleventh.ok === false && eleventh.reason === "throttled" && eleventh.retryAfterMinutes,
    ).toBeGreaterThan(0);
  });

  it("resets a password by a one-use link and ends every session", async () => {
    const { email, userId } = await verifiedUser();
    const phone = await createSession(userId);
    const laptop = await createSession(userId);
    await requestPasswordReset({ email, baseUrl });
    const token = await tokenFrom(email, "/reset-password");
    expect(await checkResetToken({ token })).toBe(true);

    expect(await resetPassword({ token, password: "password1" })).toMatchObject({
      ok: false,
      reason: "invalid-password",
    });
    const next = "a new and better phrase";
    const reset = await resetPassword({ token, password: next });
    expect(reset.ok).toBe(true);
    expect(await readSession(phone.rawId, phone.session.userId)).toBeNull();
    expect(await readSession(laptop.rawId, laptop.session.userId)).toBeNull();
    expect(await resetPassword({ token, password: "yet another phrase" })).toEqual({
      ok: false,
      reason: "invalid-token",
    });
    expect(await checkResetToken({ token })).toBe(false);
    expect((await authenticate({ email, password, baseUrl })).ok).toBe(false);
    expect((await authenticate({ email, password: next, baseUrl })).ok).toBe(true);
  });

  it("answers a reset request for an unknown address the same way, mailing nothing", async () => {
    const email = uniqueEmail("nobody");
    const started = Date.now();
    expect(await requestPasswordReset({ email, baseUrl })).toEqual({ ok: true });
    expect(Date.now() - started).toBeGreaterThanOrEqual(500);
    expect(await mailsTo(email)).toEqual([]);
  });

  it("changes a password, keeping only the session that made the change", async () => {
    const { email, userId } = await verifiedUser();
    const current = await createSession(userId);
    const other = await createSession(userId);
    expect(await changePassword({ userId, current: "not it", next: "fresh phrase here" })).toEqual({
      ok: false,
      reason: "wrong-password",
    });
    expect(
      await changePassword({
        userId,
        current: password,
        next: "fresh phrase here",
        keepSessionRawId: current.rawId,
      }),
    ).toEqual({ ok: true });
    expect(await readSession(current.rawId, current.session.userId)).not.toBeNull();
    expect(await readSession(other.rawId, other.session.userId)).toBeNull();
    expect((await authenticate({ email, password: "fresh phrase here", baseUrl })).ok).toBe(true);
  });
});
