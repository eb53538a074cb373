import { ScanCommand } from "@aws-sdk/lib-dynamodb";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, type TableName } from "../src/data/tables";
import { InProcessClient, ORIGIN } from "./support/in-process";
import { createStudent, sessionCookieFor } from "./support/users";
import type { User } from "../src/data/users";

const TABLES: TableName[] = [
  "users",
  "sessions",
  "auth-tokens",
  "throttles",
  "assessments",
  "qr-tokens",
  "entitlements",
  "content-reports",
  "purchases",
  "credit-ledger",
  "consents",
  "audit-log",
  "daily-stats",
];

// Every item, with its attributes, in the tables a form could write to: an invalid post must
// leave all of them exactly as they were (no new item, no changed draft).
async function snapshot(): Promise<string> {
  const { doc, table } = await getDb();
  const parts: string[] = [];
  for (const name of TABLES) {
    let start: Record<string, unknown> | undefined;
    const items: string[] = [];
    do {
      const page = await doc.send(
        new ScanCommand({ TableName: table(name), ExclusiveStartKey: start }),
      );
      for (const item of page.Items ?? []) items.push(JSON.stringify(item));
      start = page.LastEvaluatedKey;
    } while (start);
    parts.push(`${name}:${items.sort().join("\n")}`);
  }
  return parts.join("\n\n");
}

type Encoding = "urlencoded" | "multipart" | "json" | "text" | "none" | "no-boundary";
type Csrf = "valid" | "missing" | "wrong";
type Origin = "same" | "null" | "absent";

interface Attempt {
  action: number;
  fields: [string, string][];
  encoding: Encoding;
  csrf: Csrf;
  origin: Origin;
}

async function encode(
  fields: [string, string][],
  encoding: Encoding,
): Promise<{ headers: Record<string, string>; body: { text: string; base64: boolean } }> {
  if (encoding === "multipart") {
    const form = new FormData();
    for (const [k, v] of fields) form.append(k, v);
    const response = new Response(form);
    const bytes = Buffer.from(await response.arrayBuffer());
    return {
      headers: { "content-type": response.headers.get("content-type")! },
      body: { text: bytes.toString("base64"), base64: true },
    };
  }
  const urlencoded = new URLSearchParams(fields).toString();
  const types: Record<Exclude<Encoding, "multipart">, string | null> = {
    urlencoded: "application/x-www-form-urlencoded",
    json: "application/json",
    text: "text/plain",
    none: null,
    "no-boundary": "multipart/form-data",
  };
  const text = encoding === "json" ? JSON.stringify(Object.fromEntries(fields)) : urlencoded;
  const type = types[encoding];
  return { headers: type ? { "content-type": type } : {}, body: { text, base64: false } };
}

describe("random bodies to every form action", () => {
  const client = new InProcessClient();
  let user: User;
  let ids: Record<"writing" | "speaking" | "reading", string>;
  let actions: string[];
  let csrf: string;

  async function signIn() {
    const session = await sessionCookieFor(user);
    client.cookies.set(session.name, session.value);
  }

  beforeAll(async () => {
    user = await createStudent("fuzz");
    await signIn();
    const idOn = async (path: string) => {
      const html = await client.open(path);
      const id = /name="assessmentId" value="([^"]+)"/.exec(html)?.[1];
      if (!id) throw new Error(`no draft on ${path}`);
      csrf = /name="csrf" value="([^"]+)"/.exec(html)?.[1] ?? "";
      return id;
    };
    ids = {
      writing: await idOn("/assessments/writing/new?task=2"),
      speaking: await idOn("/assessments/speaking/new"),
      reading: await idOn("/assessments/reading/new"),
    };
    // grep app/routes for `function action`: every route that takes a POST.
    actions = [
      "/login",
      "/login/qr",
      "/account/devices",
      "/join",
      "/forgot-password",
      "/reset-password?token=not-a-token",
      "/verify-email?token=not-a-token",
      "/account/password",
      "/account?index",
      "/account/export",
      "/account/delete",
      "/logout",
      "/mock-tests/new",
      `/mock-tests/${ids.writing}`,
      "/practice/objective",
      "/practice/true-false-not-given",
      `/assessments/${ids.writing}`,
      "/assessments/writing/new",
      "/assessments/speaking/new",
      "/assessments/reading/new",
      "/assessments/listening/new",
    ];
  });

  const huge = fc.integer({ min: 1, max: 400_000 }).map((n) => "é".repeat(n));
  const value = () =>
    fc.oneof(
      { weight: 4, arbitrary: fc.string({ maxLength: 50 }) },
      { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 200 }) },
      {
        weight: 2,
        arbitrary: fc.constantFrom("", "save", "submit", "confirm-submit", "retry", "withdrawn"),
      },
      { weight: 2, arbitrary: fc.constantFrom("__writing", "__speaking", "__reading") },
      { weight: 1, arbitrary: fc.uuid() },
      { weight: 1, arbitrary: fc.constant("a".repeat(3000)) },
      { weight: 1, arbitrary: huge },
    );
  const name = fc.oneof(
    {
      weight: 6,
      arbitrary: fc.constantFrom(
        "intent",
        "assessmentId",
        "response",
        "transcript-1",
        "transcript-2",
        "transcript-3",
        "background",
        "email",
        "password",
        "currentPassword",
        "newPassword",
        "token",
        "redirectTo",
        "step",
        "childId",
        "reason",
        "comment",
        "decision",
        "module",
        "answer",
        "q1",
      ),
    },
    { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 30 }) },
  );
  const attempt = (count: number) =>
    fc.record<Attempt>({
      action: fc.nat({ max: count - 1 }),
      fields: fc.array(fc.tuple(name, value()), { maxLength: 8 }),
      encoding: fc.constantFrom<Encoding>(
        "urlencoded",
        "urlencoded",
        "multipart",
        "multipart",
        "json",
        "text",
        "none",
        "no-boundary",
      ),
      csrf: fc.constantFrom<Csrf>("valid", "valid", "missing", "wrong"),
      origin: fc.constantFrom<Origin>("same", "same", "same", "null", "absent"),
    });

  it("answers 1,000 malformed posts without a server error, and invalid ones write nothing", async () => {
    expect(csrf).toBeTruthy();
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(attempt(actions.length), async (a) => {
        const path = actions[a.action]!;
        const fields = a.fields.map(([k, v]): [string, string] => [
          k,
          v === "__writing" || v === "__speaking" || v === "__reading"
            ? ids[v.slice(2) as keyof typeof ids]
            : v,
        ]);
        if (a.csrf === "valid") fields.push(["csrf", csrf]);
        if (a.csrf === "wrong") fields.push(["csrf", "x".repeat(43)]);
        const invalid =
          a.csrf !== "valid" ||
          a.origin === "null" ||
          !["urlencoded", "multipart"].includes(a.encoding);
        const before = invalid ? await snapshot() : "";
        const { headers, body } = await encode(fields, a.encoding);
        const origin: Record<string, string> =
          a.origin === "same" ? { origin: ORIGIN } : a.origin === "null" ? { origin: "null" } : {};
        const result = await client.send({
          method: "POST",
          path,
          headers: { ...headers, ...origin, "sec-fetch-site": "same-origin" },
          body,
        });
        const status = result.statusCode ?? 200;
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        expect(status, `${path} ${a.encoding} ${String(result.body).slice(0, 300)}`).toBeLessThan(
          500,
        );
        if (invalid) expect(await snapshot(), `${path} wrote with invalid input`).toBe(before);
        // A valid logout ends the session; the next body needs one again.
        if (path === "/logout") await signIn();
      }),
      { seed: 20261202, numRuns: 1000, endOnFailure: true },
    );
    console.log("statuses", Object.fromEntries(statuses));
  }, 600_000);
});

describe("bad input, case by case, through the Lambda handler", () => {
  const client = new InProcessClient();
  let csrf = "";
  let writingId = "";

  beforeAll(async () => {
    const user = await createStudent("bad-input");
    const session = await sessionCookieFor(user);
    client.cookies.set(session.name, session.value);
    const html = await client.open("/assessments/writing/new");
    csrf = /name="csrf" value="([^"]+)"/.exec(html)![1]!;
    writingId = /name="assessmentId" value="([^"]+)"/.exec(html)![1]!;
  });

  const post = async (
    path: string,
    fields: [string, string][],
    extra: Record<string, string> = {},
  ) => {
    const { headers, body } = await encode(fields, "urlencoded");
    return client.send({
      method: "POST",
      path,
      headers: { ...headers, origin: ORIGIN, "sec-fetch-site": "same-origin", ...extra },
      body,
    });
  };

  it("answers a JSON post with 415 and a page that says what to do", async () => {
    const result = await client.send({
      method: "POST",
      path: "/login",
      headers: {
        "content-type": "application/json",
        origin: ORIGIN,
        "sec-fetch-site": "same-origin",
      },
      body: { text: '{"email":"a@b.c"}', base64: false },
    });
    expect(result.statusCode).toBe(415);
    expect(String(result.body)).toContain("accepts only forms sent from its own pages");
  });

  it("refuses Origin: null with 403 and a readable page, even beside same-origin metadata", async () => {
    const result = await post("/login", [["csrf", csrf]], { origin: "null" });
    expect(result.statusCode).toBe(403);
    expect(result.headers?.["content-type"]).toContain("text/html");
    expect(String(result.body)).toContain("Back button");
  });

  it("answers 404 for an empty, missing or over-long assessment id on every paper's form", async () => {
    for (const path of [
      "/assessments/writing/new",
      "/assessments/reading/new",
      "/assessments/listening/new",
    ]) {
      for (const id of [[["assessmentId", ""]], [], [["assessmentId", "a".repeat(3000)]]] as [
        string,
        string,
      ][][]) {
        const result = await post(path, [["csrf", csrf], ["intent", "save"], ...id]);
        expect(result.statusCode, path).toBe(404);
      }
    }
    for (const path of [`/assessments/${"a".repeat(3000)}`, `/mock-tests/${"a".repeat(3000)}`]) {
      const result = await client.send({ method: "GET", path });
      expect(result.statusCode, path.slice(0, 20)).toBe(404);
    }
  });

  it("keeps an over-long essay in the form with 413, and saves nothing", async () => {
    const essay = `Kept ${"word ".repeat(6_000)}`;
    const result = await post("/assessments/writing/new", [
      ["csrf", csrf],
      ["assessmentId", writingId],
      ["intent", "save"],
      ["response", essay],
    ]);
    expect(result.statusCode).toBe(413);
    const html = String(result.body);
    expect(html).toContain("over 20,000 characters");
    expect(html).toContain(essay.trimEnd());
    expect(html).toContain('maxlength="20000"');
  });

  it("refuses a 300 KB essay with a page that says to go back, where the text still is", async () => {
    const result = await post("/assessments/writing/new", [
      ["csrf", csrf],
      ["assessmentId", writingId],
      ["intent", "save"],
      ["response", "word ".repeat(60_000)],
    ]);
    expect(result.statusCode).toBe(413);
    expect(String(result.body)).toContain("<h1>Too large to send</h1>");
    expect(String(result.body)).toContain("Back button");
  });
});
