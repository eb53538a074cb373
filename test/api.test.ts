import { describe, expect, it } from "vitest";
import { API_TOKEN_IDLE_MS, API_TOKEN_LIFETIME_MS } from "../src/accounts/devices";
import { getApiToken, putApiToken } from "../src/data/api-tokens";
import { createAssessment } from "../src/data/assessments";
import { hashPassword } from "../src/accounts/passwords";
import { createUser, setPassword } from "../src/data/users";
import { isTokenFormat, randomToken, sha256 } from "../src/domain/tokens";
import { readdirSync } from "node:fs";
import {
  ApiClient,
  dataOf,
  type Problem,
  PROBLEMS,
  problemOf,
  signedInApp,
} from "./support/api-client";
import { expectDocumented } from "./support/openapi";
import { uniqueEmail } from "./support/client";
import { answersWorth, paperOf } from "./support/objective";
import { baseUrl } from "./support/ports";
import { createStudent, sessionCookieFor, signedInClient, TEST_PASSWORD } from "./support/users";
import { task2 } from "./support/assessments";

const DAY = 24 * 60 * 60_000;

function replyOf(response: Response, method: string, body: string) {
  const contentType = response.headers.get("Content-Type") ?? "";
  return { method, url: response.url, status: response.status, contentType, body };
}

/** A token stored straight through the data layer, with times the test chooses. */
async function tokenWithTimes(userId: string, createdAt: Date, lastUsedAt: Date) {
  const token = randomToken();
  await putApiToken({
    tokenHash: sha256(token),
    userId,
    deviceName: "Old phone",
    userAgent: "test",
    createdAt: createdAt.toISOString(),
    lastUsedAt: lastUsedAt.toISOString(),
    expiresAt: Math.floor((createdAt.getTime() + API_TOKEN_LIFETIME_MS) / 1000),
  });
  return new ApiClient(token);
}

describe("API v1 tokens against Sandbox", () => {
  it("issues a 256-bit token stored only as its hash, and the token then works", async () => {
    const user = await createStudent("api-issue");
    const app = new ApiClient();
    const signed = dataOf(await app.signIn(user.email, TEST_PASSWORD, "Amina’s phone"));
    expect(isTokenFormat(signed.token)).toBe(true);
    expect(signed.tokenType).toBe("Bearer");
    expect(await getApiToken(signed.token)).toBeNull();
    const row = await getApiToken(sha256(signed.token));
    expect(row?.userId).toBe(user.userId);
    expect(row?.deviceName).toBe("Amina’s phone");

    const me = dataOf(await app.me());
    expect(me.email).toBe(user.email);
    expect(me.devices.map((d) => d.name)).toEqual(["Amina’s phone"]);
    expect(JSON.stringify(me)).not.toContain(signed.token);
  });

  it("answers a wrong password and an unknown email with the same 401 problem", async () => {
    const user = await createStudent("api-wrong");
    const wrong = problemOf(await new ApiClient().signIn(user.email, "not-the-password-9"));
    const unknown = problemOf(await new ApiClient().signIn(`x${user.email}`, TEST_PASSWORD));
    expect(wrong.status).toBe(401);
    expect(wrong.type).toBe(`${PROBLEMS}invalid-credentials`);
    expect(unknown).toEqual(wrong);
  });

  it("keeps the login throttle: after 10 wrong passwords even the right one gets 429", async () => {
    const user = await createStudent("api-throttle");
    for (let i = 0; i < 10; i++) {
      expect((await new ApiClient().signIn(user.email, `wrong-guess-${i}`)).status).toBe(401);
    }
    const right = await new ApiClient().signIn(user.email, TEST_PASSWORD);
    expect(problemOf(right).type).toBe(`${PROBLEMS}throttled`);
    expect(right.status).toBe(429);
    expect(Number(right.headers.get("Retry-After"))).toBeGreaterThan(0);
  });

  it("answers a body that is not JSON or a form with a 400 problem, never a 500", async () => {
    for (const [type, body] of [
      ["application/json", "{not json"],
      ["text/plain", "email=a@b.c"],
    ]) {
      const response = await fetch(`${baseUrl}/api/v1/sessions`, {
        method: "POST",
        headers: { "Content-Type": type! },
        body,
      });
      expect(response.status).toBe(400);
      const text = await response.text();
      await expectDocumented(replyOf(response, "POST", text));
      expect((JSON.parse(text) as Problem).type).toBe(`${PROBLEMS}bad-request`);
    }
  });

  it("gives no token to an unconfirmed address, only after the right password", async () => {
    const created = await createUser({
      email: uniqueEmail("api-unverified"),
      passwordHash: await hashPassword(TEST_PASSWORD),
    });
    if (!created.ok) throw new Error("user not created");
    const { email } = created.user;
    const right = problemOf(await new ApiClient().signIn(email, TEST_PASSWORD));
    expect(right).toMatchObject({ status: 403, type: `${PROBLEMS}email-unverified` });
    const wrong = problemOf(await new ApiClient().signIn(email, "not-the-password-9"));
    expect(wrong.type).toBe(`${PROBLEMS}invalid-credentials`);
  });

  it("lists every missing sign-in field as a validation problem", async () => {
    const result = await new ApiClient().call("POST", "/api/v1/sessions", { body: { email: 7 } });
    const problem = problemOf(result);
    expect(problem.status).toBe(422);
    expect(problem.type).toBe(`${PROBLEMS}validation`);
    expect(problem.errors?.map((e) => e.pointer).sort()).toEqual([
      "#/deviceName",
      "#/email",
      "#/password",
    ]);
  });

  it("refuses a request without a token, or with only the browser's session cookie, as 401 problem+json", async () => {
    const user = await createStudent("api-cookie");
    const cookie = await sessionCookieFor(user);
    const asCookie: Record<string, string> = { Cookie: `${cookie.name}=${cookie.value}` };
    for (const headers of [{}, asCookie]) {
      const response = await fetch(`${baseUrl}/api/v1/me`, { headers });
      expect(response.status).toBe(401);
      expect(response.headers.get("Content-Type")).toBe("application/problem+json");
      expect(response.headers.get("WWW-Authenticate")).toMatch(/^Bearer/);
      const text = await response.text();
      await expectDocumented(replyOf(response, "GET", text));
      const body = JSON.parse(text) as Problem;
      expect(body).toMatchObject({ type: `${PROBLEMS}unauthorized`, status: 401 });
    }
    const forged = problemOf(await new ApiClient(randomToken()).me());
    expect(forged.type).toBe(`${PROBLEMS}unauthorized`);
  });

  it("stops a token at once when the device signs out", async () => {
    const { app } = await signedInApp("api-revoke");
    const other = new ApiClient();
    const { email } = dataOf(await app.me());
    dataOf(await other.signIn(email, TEST_PASSWORD, "Tablet"));

    expect((await app.signOut()).status).toBe(204);
    expect(problemOf(await app.me()).status).toBe(401);
    expect(problemOf(await app.signOut()).status).toBe(401);
    // Only that device: the other one stays signed in.
    expect(dataOf(await other.me()).devices.map((d) => d.name)).toEqual(["Tablet"]);
  });

  it("refuses a token past its 30 days or idle for 7, and keeps a recent one working", async () => {
    const user = await createStudent("api-expiry");
    const now = Date.now();
    // The account's password must predate the tokens, or they would all fail for that reason.
    await setPassword(user.userId, user.passwordHash, new Date(now - 2 * API_TOKEN_LIFETIME_MS));
    const recent = await tokenWithTimes(user.userId, new Date(now - DAY), new Date(now - DAY));
    const old = await tokenWithTimes(
      user.userId,
      new Date(now - API_TOKEN_LIFETIME_MS - 60_000),
      new Date(now - 60_000),
    );
    const idle = await tokenWithTimes(
      user.userId,
      new Date(now - API_TOKEN_IDLE_MS - DAY),
      new Date(now - API_TOKEN_IDLE_MS - 60_000),
    );
    expect(dataOf(await recent.me()).email).toBe(user.email);
    expect(problemOf(await old.me()).status).toBe(401);
    expect(problemOf(await idle.me()).status).toBe(401);
    expect(dataOf(await recent.me()).devices).toHaveLength(1);
    // A password change ends every device, as it ends every browser session.
    await setPassword(user.userId, user.passwordHash, new Date());
    expect(problemOf(await recent.me()).status).toBe(401);
  });
});

describe("API v1 CORS", () => {
  const preflight = (origin: string) =>
    fetch(`${baseUrl}/api/v1/me`, {
      method: "OPTIONS",
      headers: {
        Origin: origin,
        "Access-Control-Request-Method": "GET",
        "Access-Control-Request-Headers": "authorization",
      },
    });

  it("answers a preflight from the site's own origin with 204 and the allowed methods and headers", async () => {
    const response = await preflight(baseUrl);
    expect(response.status).toBe(204);
    expect(response.headers.get("Access-Control-Allow-Origin")).toBe(baseUrl);
    expect(response.headers.get("Access-Control-Allow-Methods")).toBe(
      "GET, POST, PUT, DELETE, OPTIONS",
    );
    expect(response.headers.get("Access-Control-Allow-Headers")).toBe(
      "Content-Type, Authorization, X-Requested-With",
    );
    expect(response.headers.get("Access-Control-Max-Age")).toBe("3600");
    expect(response.headers.get("Access-Control-Allow-Credentials")).toBeNull();
  });

  it("refuses a preflight from another origin, without CORS headers", async () => {
    const response = await preflight("https://elsewhere.example");
    expect(response.status).toBe(403);
    expect(response.headers.get("Access-Control-Allow-Origin")).toBeNull();
    expect(((await response.json()) as Problem).type).toBe(`${PROBLEMS}origin-not-allowed`);
  });
});

describe("API v1 assessments", () => {
  it("pages through the student's assessments, newest first, with an opaque cursor", async () => {
    const { user, app } = await signedInApp("api-pages");
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const created = await createAssessment({
        userId: user.userId,
        skill: "writing",
        status: "draft",
        submission: task2("P", ""),
        now: new Date(Date.UTC(2026, 0, 1 + i)),
      });
      ids.unshift(created.assessmentId);
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    const sizes: number[] = [];
    do {
      const page = dataOf(await app.listAssessments({ limit: 2, cursor }));
      sizes.push(page.items.length);
      seen.push(...page.items.map((a) => a.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(ids);
    expect(sizes.slice(0, 3)).toEqual([2, 2, 1]);

    const tooMany = problemOf(await app.listAssessments({ limit: 500 }));
    expect(tooMany.errors?.map((e) => e.pointer)).toEqual(["#/limit"]);
    const forged = problemOf(await app.listAssessments({ cursor: "not-a-cursor" }));
    expect(forged.errors?.map((e) => e.pointer)).toEqual(["#/cursor"]);
  });

  it("answers another student's assessment as 404, like one that does not exist", async () => {
    const { user } = await signedInApp("api-owner");
    const { app: stranger } = await signedInApp("api-stranger");
    const theirs = await createAssessment({
      userId: user.userId,
      skill: "writing",
      status: "draft",
      submission: task2("P", ""),
    });
    const other = problemOf(await stranger.getAssessment(theirs.assessmentId));
    const missing = problemOf(await stranger.getAssessment("no-such-id"));
    expect(other.status).toBe(404);
    expect(other.type).toBe(`${PROBLEMS}not-found`);
    expect({ ...other, instance: "" }).toEqual({ ...missing, instance: "" });
    expect(problemOf(await stranger.paper(theirs.assessmentId)).status).toBe(404);
  });

  it("answers an unchanged list with 304 and no body when the client sends its ETag", async () => {
    const { app } = await signedInApp("api-etag");
    const first = await app.listAssessments();
    const etag = first.headers.get("ETag");
    expect(etag).toMatch(/^W\/".+"$/);
    const again = await app.listAssessments({}, etag!);
    expect(again.status).toBe(304);
    expect(again.ok && again.data).toBeNull();
  });

  it("serves a Reading paper without its key and marks the answers at once", async () => {
    const { app } = await signedInApp("api-paper");
    const started = dataOf(await app.startPaper("reading", "academic"));
    expect(started.status).toBe("draft");
    const paper = dataOf(await app.paper(started.id));
    const { questions } = await paperOf(started.id);
    const served = paper.blocks.flatMap((b) => b.groups.flatMap((g) => g.questions));
    expect(served.map((q) => q.id)).toEqual(questions.map((q) => q.id));
    expect(JSON.stringify(paper)).not.toMatch(/"(answer|accepted|evidence)"/);

    const bogus = problemOf(await app.submitAnswers(started.id, { "no-such-question": "A" }));
    expect(bogus.errors?.map((e) => e.pointer)).toEqual(["#/answers"]);

    const marked = dataOf(await app.submitAnswers(started.id, answersWorth(questions, 20)));
    expect(marked.status).toBe("scored");
    expect(marked.marking?.raw).toBe(20);
    expect(marked.band).toBe(marked.marking?.band);
    expect(problemOf(await app.submitAnswers(started.id, {})).status).toBe(409);

    // Progress comes from the use case behind /profile: the marked paper is its newest row.
    const progress = dataOf(await app.progress("reading"));
    expect(progress.rows[0]).toMatchObject({ assessmentId: started.id, score: { raw: 20 } });
    expect(progress.series[0]?.points.map((p) => p.band)).toEqual([marked.band]);
    expect(dataOf(await app.progress("writing")).rows).toEqual([]);
    const bad = problemOf(await app.progress("cooking"));
    expect(bad.errors?.map((e) => e.pointer)).toEqual(["#/skill"]);
  });

  it("answers an unknown API path with a 404 problem, not the site's HTML page", async () => {
    const problem = problemOf(await new ApiClient().call("GET", "/api/v1/nothing-here"));
    expect(problem.type).toBe(`${PROBLEMS}not-found`);
  });
});

describe("API v1 OpenAPI document and low bandwidth", () => {
  it("serves an OpenAPI 3.1 document that lists every /api/v1 route", async () => {
    const result = await new ApiClient().call<{ openapi: string; paths: Record<string, object> }>(
      "GET",
      "/api/v1/openapi.json",
    );
    const doc = dataOf(result);
    expect(doc.openapi).toBe("3.1.0");
    // Every route file but the catch-all is a documented path ($id -> {id}).
    const routes = readdirSync("app/routes")
      .filter((f) => f.startsWith("api.v1.") && f !== "api.v1.$.ts")
      .map((f) =>
        f
          .replace(/\.ts$/, "")
          .replace(/\._index$/, "")
          .replace("[.]", ".")
          .split(".")
          .map((part) => (part.startsWith("$") ? `{${part.slice(1)}}` : part))
          .join("/"),
      )
      .map((path) => `/${path.replace("openapi/json", "openapi.json")}`);
    expect(Object.keys(doc.paths).sort()).toEqual(routes.sort());
  });

  it("fails a reply that drifts from the document", async () => {
    const { app } = await signedInApp("api-drift");
    const me = await fetch(`${baseUrl}/api/v1/me`, {
      headers: { Authorization: `Bearer ${app.token}` },
    });
    const body = (await me.json()) as Record<string, unknown>;
    const reply = (data: unknown) => replyOf(me, "GET", JSON.stringify(data));
    await expectDocumented(reply(body));
    await expect(expectDocumented(reply({ ...body, email: 7 }))).rejects.toThrow(/not valid/);
    await expect(expectDocumented(reply({ ...body, secret: "x" }))).rejects.toThrow(/not valid/);
    const { devices: _devices, ...missing } = body;
    await expect(expectDocumented(reply(missing))).rejects.toThrow(/not valid/);
  });

  it("compresses a reply over 1 KB with brotli or gzip as accepted, and not a small one", async () => {
    const { user, app } = await signedInApp("api-gzip");
    for (let i = 0; i < 20; i++) {
      await createAssessment({
        userId: user.userId,
        skill: "writing",
        status: "draft",
        submission: task2("P", ""),
      });
    }
    const get = (path: string, encoding: string) =>
      fetch(`${baseUrl}${path}`, {
        headers: { Authorization: `Bearer ${app.token}`, "Accept-Encoding": encoding },
      });
    const br = await get("/api/v1/assessments", "gzip, br");
    expect(br.headers.get("Content-Encoding")).toBe("br");
    expect(br.headers.get("Vary")).toMatch(/Accept-Encoding/);
    const text = await br.text();
    expect(text.length).toBeGreaterThan(1024);
    await expectDocumented(replyOf(br, "GET", text));
    const gzip = await get("/api/v1/assessments", "gzip");
    expect(gzip.headers.get("Content-Encoding")).toBe("gzip");
    expect(await gzip.text()).toBe(text);
    // The ETag names the content, whatever the encoding, so a 304 works across them.
    expect(gzip.headers.get("ETag")).toBe(br.headers.get("ETag"));
    const plain = await get("/api/v1/assessments", "identity");
    expect(plain.headers.get("Content-Encoding")).toBeNull();
    const small = await get("/api/v1/me", "br");
    expect(small.headers.get("Content-Encoding")).toBeNull();
  });
});

describe("Devices on the account page", () => {
  it("lists the app's devices and revokes one with its Revoke button", async () => {
    const { client, user } = await signedInClient("api-account");
    const app = new ApiClient();
    dataOf(await app.signIn(user.email, TEST_PASSWORD, "Kitchen tablet"));

    const page = await (await client.get("/account/devices")).text();
    expect(page).toContain("Kitchen tablet");
    expect(page).toContain(">Revoke</button>");

    const revoked = await client.submit("/account/devices", {});
    expect(revoked.status).toBe(200);
    expect(await revoked.text()).toContain("Signed out");
    expect(problemOf(await app.me()).status).toBe(401);
    expect(await (await client.get("/account/devices")).text()).not.toContain("Kitchen tablet");
  });
});
