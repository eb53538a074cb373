import { describe, expect, it } from "vitest";
import { startWebLogin } from "../src/accounts/qr-login";
import { getQrToken } from "../src/data/qr-tokens";
import { randomToken, sha256 } from "../src/domain/tokens";
import { qrPayload, qrSvg } from "~/qr.server";
import { qrAppCookie, qrLoginCookie, sessionCookie } from "~/security/cookies.server";
import { ApiClient, dataOf, PROBLEMS, problemOf, signedInApp } from "./support/api-client";
import { FormClient } from "./support/client";
import { sessionCookiePair, signedInClient } from "./support/users";

const CHROME =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/131.0 Safari/537.36";

const cookieName = (cookie: { name: string }) => cookie.name;

/** What the browser holds for its /login code: the token (the app reads it off the screen). */
async function heldCode(browser: FormClient): Promise<{ token: string; binding: string }> {
  const raw = browser.cookie(cookieName(qrLoginCookie));
  const value: unknown = await qrLoginCookie.parse(`${cookieName(qrLoginCookie)}=${raw}`);
  const [token = "", binding = ""] = String(value).split(".");
  return { token, binding };
}

/** A browser that pressed "Show a QR code" on /login, with the page it was shown. */
async function browserShowingCode() {
  const browser = new FormClient();
  const started = await browser.submit("/login", { intent: "start" }, "/login/qr");
  expect(started.status).toBe(302);
  expect(started.headers.get("location")).toBe("/login/qr");
  const page = await browser.get("/login/qr");
  expect(page.status).toBe(200);
  return { browser, html: await page.text(), ...(await heldCode(browser)) };
}

describe("QR web login: the browser shows the code, the signed-in app approves", () => {
  it("shows the code as inline SVG, names the browser, and signs in that browser with a fresh session", async () => {
    const { user, app } = await signedInApp("qr-web");
    const browser = new FormClient();
    // A session id planted before login (fixation) must not be the one that is signed in.
    const planted = await sessionCookiePair(randomToken(), user.userId);
    browser.setCookie(planted.name, planted.value);
    const started = await browser.post(
      "/login/qr",
      { intent: "start", csrf: await csrfFor(browser) },
      { "user-agent": CHROME },
    );
    expect(started.status).toBe(302);
    const { token } = await heldCode(browser);
    const waiting = await (await browser.get("/login/qr")).text();
    // The page's code is exactly the payload for this token, drawn on the server.
    expect(waiting).toContain(await qrSvg(qrPayload("web-login", token)));
    expect(waiting).toContain('http-equiv="refresh"');
    expect(waiting).toContain("Waiting for the app");

    // Stored hashed with a 5-minute TTL.
    expect(await getQrToken(token)).toBeNull();
    const row = await getQrToken(sha256(token));
    expect(row?.used).toBe(false);
    expect(row!.expiresAt * 1000 - Date.now()).toBeGreaterThan(4 * 60_000);
    expect(row!.expiresAt * 1000 - Date.now()).toBeLessThanOrEqual(5 * 60_000 + 1000);

    const seen = dataOf(await app.inspectQr(token));
    expect(seen).toMatchObject({ kind: "web-login", browser: "Chrome on Windows" });
    const approval = dataOf(await app.approveQr(token));
    expect(approval.browser).toBe("Chrome on Windows");
    expect(Date.parse(approval.approvedAt!)).toBeGreaterThan(Date.parse(approval.requestedAt));

    const signedIn = await browser.get("/login/qr");
    expect(signedIn.status).toBe(302);
    expect(signedIn.headers.get("location")).toBe("/dashboard");
    const now = browser.cookie(cookieName(sessionCookie));
    expect(now).toBeDefined();
    expect(now).not.toBe(planted.value);
    const dashboard = await browser.get("/dashboard");
    expect(dashboard.status).toBe(200);
    expect(await dashboard.text()).toContain(user.email);
    expect((await getQrToken(sha256(token)))?.used).toBe(true);
  });

  it("refuses reuse: a second approval, and a second claim by the same code", async () => {
    const { app } = await signedInApp("qr-reuse");
    const { browser, token, binding } = await browserShowingCode();
    dataOf(await app.approveQr(token));
    expect((await browser.get("/login/qr")).status).toBe(302);

    const again = problemOf(await app.approveQr(token));
    expect(again.status).toBe(409);
    expect(again.type).toBe(`${PROBLEMS}conflict`);
    // A second browser holding the same cookie (copied before it was cleared) is not signed in.
    const copy = new FormClient();
    copy.setCookie(cookieName(qrLoginCookie), await loginCookieValue(token, binding));
    const page = await copy.get("/login/qr");
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("can no longer sign you in");
  });

  it("lets exactly one of two concurrent approvals win", async () => {
    const first = await signedInApp("qr-race-a");
    const second = await signedInApp("qr-race-b");
    const { browser, token } = await browserShowingCode();
    const results = await Promise.all([first.app.approveQr(token), second.app.approveQr(token)]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const winner = results[0]!.ok ? first.user : second.user;
    expect((await browser.get("/login/qr")).status).toBe(302);
    expect(await (await browser.get("/dashboard")).text()).toContain(winner.email);
  });

  it("signs in only the browser that showed the code, not one that copied its token", async () => {
    const { app, user } = await signedInApp("qr-bound");
    const shown = await browserShowingCode();
    // Another browser with a code of its own swaps in the shown token (a photographed screen).
    const other = await browserShowingCode();
    other.browser.setCookie(
      cookieName(qrLoginCookie),
      await loginCookieValue(shown.token, other.binding),
    );
    dataOf(await app.approveQr(shown.token));
    const elsewhere = await other.browser.get("/login/qr");
    expect(elsewhere.status).toBe(200);
    expect((await other.browser.get("/dashboard")).status).toBe(302);
    // The browser that showed it is still the one signed in.
    expect((await shown.browser.get("/login/qr")).status).toBe(302);
    expect(await (await shown.browser.get("/dashboard")).text()).toContain(user.email);
  });

  it("refuses an expired code and says so on the page", async () => {
    const { app } = await signedInApp("qr-expired");
    const old = await startWebLogin({
      ip: "203.0.113.9",
      userAgent: CHROME,
      now: new Date(Date.now() - 6 * 60_000),
    });
    if (!old.ok) throw new Error("throttled");
    const refused = problemOf(await app.approveQr(old.token));
    expect(refused.status).toBe(410);
    expect(refused.type).toBe(`${PROBLEMS}qr-expired`);
    const browser = new FormClient();
    browser.setCookie(cookieName(qrLoginCookie), await loginCookieValue(old.token, old.binding));
    expect(await (await browser.get("/login/qr")).text()).toContain("This code has expired");
  });

  it("cancels a code: the page says so and the app cannot approve it", async () => {
    const { app } = await signedInApp("qr-cancel");
    const { browser, token } = await browserShowingCode();
    const cancelled = await browser.submit("/login/qr", { intent: "cancel-qr" });
    expect(cancelled.status).toBe(302);
    expect(await (await browser.get("/login/qr")).text()).toContain("You cancelled this code");
    expect(problemOf(await app.approveQr(token)).status).toBe(409);
  });

  it("needs a signed-in app and a real code", async () => {
    const { token } = await browserShowingCode();
    expect(problemOf(await new ApiClient().approveQr(token)).status).toBe(401);
    const { app } = await signedInApp("qr-junk");
    expect(problemOf(await app.approveQr(randomToken())).status).toBe(404);
    const bad = problemOf(await app.call("POST", "/api/v1/qr/approve", { body: {} }));
    expect(bad.status).toBe(422);
    expect(bad.errors?.map((e) => e.pointer)).toEqual(["#/token"]);
  });

  it("limits how many codes one client may ask for", async () => {
    const browser = new FormClient();
    const csrf = await csrfFor(browser);
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) {
      statuses.push((await browser.post("/login/qr", { intent: "start", csrf })).status);
    }
    expect(statuses.slice(0, 20).every((s) => s === 302)).toBe(true);
    expect(statuses[20]).toBe(429);
  });
});

describe("QR app sign-in: the signed-in browser shows the code, the app scans it", () => {
  async function accountShowingCode(label: string) {
    const { client, user } = await signedInClient(label);
    const shown = await client.submit("/account/devices", { intent: "show-qr" });
    expect(shown.status).toBe(302);
    const raw = client.cookie(cookieName(qrAppCookie));
    const token = String(await qrAppCookie.parse(`${cookieName(qrAppCookie)}=${raw}`));
    return { client, user, token };
  }

  it("signs the app in with a bearer token, once, and the page says which device came in", async () => {
    const { client, user, token } = await accountShowingCode("qr-app");
    const page = await (await client.get("/account/devices")).text();
    expect(page).toContain(await qrSvg(qrPayload("app-sign-in", token)));

    const app = new ApiClient();
    const signed = dataOf(await app.signInWithQr(token, "Amina’s phone"));
    expect(signed.tokenType).toBe("Bearer");
    const me = dataOf(await app.me());
    expect(me.email).toBe(user.email);
    expect(me.device.name).toBe("Amina’s phone");
    const after = await (await client.get("/account/devices")).text();
    expect(after).toContain("“Amina’s phone” is signed in to the app");

    const reuse = problemOf(await new ApiClient().signInWithQr(token));
    expect(reuse.status).toBe(409);
  });

  it("ends the code when the browser that showed it signs out", async () => {
    const { client, token } = await accountShowingCode("qr-app-signout");
    expect((await client.submit("/dashboard", {}, "/logout")).status).toBe(302);
    const refused = problemOf(await new ApiClient().signInWithQr(token));
    expect(refused.status).toBe(409);
  });

  it("keeps the two kinds apart: a sign-in code cannot be approved, a login code cannot be redeemed", async () => {
    const { token: appCode } = await accountShowingCode("qr-kinds");
    const { app } = await signedInApp("qr-kinds-app");
    expect(problemOf(await app.approveQr(appCode)).status).toBe(404);
    const { token: loginCode } = await browserShowingCode();
    expect(problemOf(await new ApiClient().signInWithQr(loginCode)).status).toBe(404);
  });
});

async function loginCookieValue(token: string, binding: string): Promise<string> {
  return pairValue(await qrLoginCookie.serialize(`${token}.${binding}`));
}

function pairValue(setCookie: string): string {
  const [pair = ""] = setCookie.split(";");
  return pair.slice(pair.indexOf("=") + 1);
}

/** The CSRF token a page gives this browser (and its cookie), for posts with other headers. */
async function csrfFor(browser: FormClient): Promise<string> {
  const html = await (await browser.get("/login")).text();
  const match = /name="csrf" value="([^"]+)"/.exec(html);
  if (!match) throw new Error("no CSRF field on /login");
  return match[1]!;
}
