import { beforeAll, describe, expect, it } from "vitest";
import { signInDevice, authenticateDevice } from "../src/accounts/devices";
import { questionBank } from "../src/content/bank";
import { createAssessment } from "../src/data/assessments";
import { claimForScoring, saveScored } from "../src/data/assessment-transitions";
import { entitlementSummary } from "../src/commerce/credits";
import { listAuditForTarget } from "../src/data/audit-log";
import { listUserLedger } from "../src/data/purchases";
import { createContentReport, getContentReport } from "../src/data/content-reports";
import { readDaily } from "../src/data/daily-stats";
import { getQuestionRow, listQuestionItems } from "../src/data/questions";
import { addAdmin, getUserById, removeAdmin, type User } from "../src/data/users";
import type { Assessment, WritingSubmission } from "../src/domain/assessment";
import type { ScoringResult } from "../src/domain/result";
import { getDb } from "../src/data/tables";
import { GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import { task2Essay } from "./ai/fixtures";
import { InProcessClient } from "./support/in-process";
import { baseUrl } from "./support/ports";
import { createAdmin, createStudent, sessionCookieFor, TEST_PASSWORD } from "./support/users";
import { scoringResult } from "./support/results";
import { settled } from "./support/assessments";

let admin: User;
let adminClient: InProcessClient;

beforeAll(async () => {
  admin = await createAdmin("admin-actions");
  adminClient = new InProcessClient().signIn(await sessionCookieFor(admin));
});

const body = (r: { body?: string }) => String(r.body);

async function signedIn(user: User) {
  return new InProcessClient().signIn(await sessionCookieFor(user));
}

async function lastAudit(target: string) {
  const [entry] = await listAuditForTarget(target);
  return entry;
}

const FAKE: ScoringResult = scoringResult({ TR: 4, CC: 4, LR: 4, GRA: 4 }, 4, {
  feedback: { summary: "first scoring", points: [] },
  provider: "bedrock",
  modelId: "first-model",
  inputTokens: 10,
  outputTokens: 5,
  costUsd: 0.001,
  latencyMs: 5,
});

async function scoredEssay(userId: string): Promise<Assessment> {
  const a = await createAssessment({
    userId,
    skill: "writing",
    submission: task2Essay as WritingSubmission,
    status: "queued",
  });
  await claimForScoring(a.assessmentId);
  return (await saveScored(a.assessmentId, FAKE, [
    { provider: "bedrock", modelId: "first-model", ok: true, latencyMs: 5 },
  ]))!;
}

/** A new student's scored essay, reported as wrong with `comment`. */
async function reportedEssay(label: string, comment: string) {
  const student = await createStudent(label);
  const a = await scoredEssay(student.userId);
  const report = await createContentReport({
    userId: student.userId,
    assessmentId: a.assessmentId,
    reason: "wrong",
    comment,
  });
  return { student, a, report };
}

describe("users", () => {
  it("shows the Admin link in the header to admins only", async () => {
    const student = await createStudent("no-admin-link");
    const link = /<a[^>]*href="\/admin"[^>]*>Admin<\/a>/;
    expect(body(await adminClient.send({ method: "GET", path: "/dashboard" }))).toMatch(link);
    const own = await (await signedIn(student)).send({ method: "GET", path: "/dashboard" });
    expect(body(own)).not.toMatch(link);
  });

  it("disabling ends the account's session and app token at once, and it cannot sign in", async () => {
    const student = await createStudent("disable-me");
    const browser = await signedIn(student);
    const device = await signInDevice({
      email: student.email,
      password: TEST_PASSWORD,
      deviceName: "phone",
      userAgent: "test",
      baseUrl,
    });
    expect(device.ok).toBe(true);
    expect((await browser.send({ method: "GET", path: "/dashboard" })).statusCode).toBe(200);

    const page = `/admin/users/${student.userId}`;
    const done = await adminClient.submit(page, { intent: "disable", reason: "abuse report 12" });
    expect(done.statusCode).toBe(200);
    expect(body(done)).toContain("Disabled");

    const after = await browser.send({ method: "GET", path: "/dashboard" });
    expect(after.statusCode).toBe(302);
    expect(after.headers?.location).toMatch(/^\/login/);
    expect((await authenticateDevice({ token: device.ok ? device.token : "" })).ok).toBe(false);
    const login = await new InProcessClient().submit("/login", {
      email: student.email,
      password: TEST_PASSWORD,
    });
    expect(login.statusCode).toBe(403);
    expect(body(login)).toContain("disabled");

    const entry = await lastAudit(`user#${student.userId}`);
    expect(entry).toMatchObject({
      action: "user.disable",
      actorId: admin.userId,
      actorEmail: admin.email,
      note: "abuse report 12",
      before: { disabledAt: null },
    });

    const enabled = await adminClient.submit(page, { intent: "enable", reason: "resolved" });
    expect(body(enabled)).toContain("Enabled");
    expect((await getUserById(student.userId))?.disabledAt).toBeUndefined();
    expect(await lastAudit(`user#${student.userId}`)).toMatchObject({ action: "user.enable" });
  });

  it("a missing reason is refused with a message and nothing changes", async () => {
    const student = await createStudent("no-reason");
    const r = await adminClient.submit(`/admin/users/${student.userId}`, {
      intent: "disable",
      reason: "",
    });
    expect(r.statusCode).toBe(400);
    expect(body(r)).toContain("Say why");
    expect((await getUserById(student.userId))?.disabledAt).toBeUndefined();
    expect(await listAuditForTarget(`user#${student.userId}`)).toEqual([]);
  });

  it("revoking sessions signs the student out everywhere", async () => {
    const student = await createStudent("revoke-me");
    const browser = await signedIn(student);
    const r = await adminClient.submit(`/admin/users/${student.userId}`, {
      intent: "revoke",
      reason: "lost phone",
    });
    expect(body(r)).toContain("Signed out everywhere");
    expect((await browser.send({ method: "GET", path: "/dashboard" })).statusCode).toBe(302);
    expect(await lastAudit(`user#${student.userId}`)).toMatchObject({
      action: "user.revoke-sessions",
      after: { credentialsEnded: 1 },
    });
  });

  it("gives a pack by hand with a reason: the credits, the ledger and the audit entry", async () => {
    const student = await createStudent("pack-by-hand");
    const before = await entitlementSummary(student.userId);
    const page = body(
      await adminClient.send({ method: "GET", path: `/admin/users/${student.userId}` }),
    );
    expect(page).toContain(`Writing ${before.remaining.writing}`);
    const refused = await adminClient.submit(`/admin/users/${student.userId}`, {
      intent: "change-tier",
      tierId: "platinum",
      reason: "school licence",
    });
    expect(refused.statusCode).toBe(400);
    expect(body(refused)).toContain("Choose a pack.");
    const r = await adminClient.submit(`/admin/users/${student.userId}`, {
      intent: "change-tier",
      tierId: "writing",
      reason: "school licence",
    });
    expect(body(r)).toContain("The pack is added");
    const after = await entitlementSummary(student.userId);
    expect(after.remaining.writing).toBe(before.remaining.writing + 20);
    expect(after.remaining.speaking).toBe(before.remaining.speaking);
    expect((await listUserLedger(student.userId)).map((e) => e.reason)).toContain("school licence");
    expect(await lastAudit(`user#${student.userId}`)).toMatchObject({
      action: "user.change-tier",
      before: before.remaining,
      after: { writing: before.remaining.writing + 20, tierId: "writing", credits: 20 },
      note: "school licence",
    });
  });

  it("resends a confirmation link to an unconfirmed address", async () => {
    const { createUser } = await import("../src/data/users");
    const created = await createUser({
      email: `unconfirmed-${Date.now()}@example.com`,
      passwordHash: "x",
    });
    if (!created.ok) throw new Error("no user");
    const r = await adminClient.submit(`/admin/users/${created.user.userId}`, {
      intent: "resend",
      reason: "asked by mail",
    });
    expect(body(r)).toContain("confirmation link is on its way");
    expect(await lastAudit(`user#${created.user.userId}`)).toMatchObject({
      action: "user.resend-verification",
    });
  });

  it("finds a user by email", async () => {
    const student = await createStudent("find-me");
    const r = await adminClient.send({
      method: "GET",
      path: `/admin/users?email=${encodeURIComponent(student.email.toUpperCase())}`,
    });
    expect(r.statusCode).toBe(302);
    expect(r.headers?.location).toBe(`/admin/users/${student.userId}`);
  });

  it("finds users by the start of their address, from one index partition", async () => {
    const label = `prefix${Math.random().toString(36).slice(2, 8)}`;
    const first = await createStudent(`${label}-a`);
    const second = await createStudent(`${label}-b`);
    const r = await adminClient.send({ method: "GET", path: `/admin/users?email=${label}` });
    expect(r.statusCode).toBe(200);
    const page = body(r);
    expect(page).toContain(`href="/admin/users/${first.userId}"`);
    expect(page).toContain(`href="/admin/users/${second.userId}"`);
    const short = await adminClient.send({ method: "GET", path: "/admin/users?email=pr" });
    expect(short.statusCode).toBe(400);
    expect(body(short)).toContain("at least its first 3 characters");
    const none = await adminClient.send({ method: "GET", path: `/admin/users?email=${label}zz` });
    expect(body(none)).toContain("No account's address is or starts with");
  });

  it("grants and removes admin, and never removes the last admin", async () => {
    const student = await createStudent("promote-me");
    const page = `/admin/users/${student.userId}`;
    expect(
      body(await adminClient.submit(page, { intent: "grant-admin", reason: "new colleague" })),
    ).toContain("now an admin");
    expect((await getUserById(student.userId))?.role).toBe("admin");
    expect(await lastAudit(`user#${student.userId}`)).toMatchObject({
      action: "user.grant-admin",
      after: { role: "admin" },
    });
    expect(
      body(await adminClient.submit(page, { intent: "remove-admin", reason: "left" })),
    ).toContain("no longer an admin");
    expect(await lastAudit(`user#${student.userId}`)).toMatchObject({
      action: "user.remove-admin",
      after: { role: "student" },
    });

    // Make `admin` the only member of the admins' set for a moment, then put the others back.
    const { doc, table } = await getDb();
    const { Item } = await doc.send(
      new GetCommand({ TableName: table("users"), Key: { pk: "role#admin" } }),
    );
    const others = [...((Item?.userIds as Set<string>) ?? [])].filter((id) => id !== admin.userId);
    for (const id of others) expect(await removeAdmin(id)).toBe(true);
    try {
      const r = await adminClient.submit(`/admin/users/${admin.userId}`, {
        intent: "remove-admin",
        reason: "testing",
      });
      expect(r.statusCode).toBe(409);
      expect(body(r)).toContain("last admin");
      expect((await getUserById(admin.userId))?.role).toBe("admin");
    } finally {
      for (const id of others) await addAdmin(id);
    }
  });
});

describe("assessments", () => {
  it("a rescore goes through the scoring event and keeps the first result as history", async () => {
    const student = await createStudent("rescore");
    const first = await scoredEssay(student.userId);
    const page = `/admin/assessments/${first.assessmentId}`;
    const inspector = body(await adminClient.send({ method: "GET", path: page }));
    expect(inspector).toContain("first-model");

    const today = new Date().toISOString().slice(0, 10);
    const before = (await readDaily("scoring", today, today))[0]?.counts.scored ?? 0;
    const r = await adminClient.submit(page, {
      intent: "rescore",
      provider: "local",
      reason: "student asked",
    });
    expect(body(r)).toContain("Queued for scoring again with local");
    const second = await settled(first.assessmentId);
    expect(second.status).toBe("scored");
    expect(second.result?.provider).toBe("local");
    expect(second.rescoreProvider).toBeUndefined();
    expect(second.history).toHaveLength(1);
    expect(second.history?.[0]).toMatchObject({ status: "scored", result: FAKE });
    expect(await lastAudit(`assessment#${first.assessmentId}`)).toMatchObject({
      action: "assessment.rescore",
      before: { status: "scored", overall: 4, provider: "bedrock" },
      after: { status: "queued", provider: "local" },
    });
    // The worker counts the second scoring in today's counters just after saving it.
    const scoredToday = async () =>
      (await readDaily("scoring", today, today))[0]?.counts.scored ?? 0;
    const deadline = Date.now() + 30_000;
    while ((await scoredToday()) <= before && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(await scoredToday()).toBeGreaterThan(before);
    expect(body(await adminClient.send({ method: "GET", path: page }))).toMatch(
      /Earlier results \(1\)/,
    );
  });

  it("finds assessments by id and by the student's email", async () => {
    const student = await createStudent("find-assessment");
    const a = await scoredEssay(student.userId);
    const byId = await adminClient.send({
      method: "GET",
      path: `/admin/assessments?q=${a.assessmentId}`,
    });
    expect(byId.headers?.location).toBe(`/admin/assessments/${a.assessmentId}`);
    const byEmail = body(
      await adminClient.send({
        method: "GET",
        path: `/admin/assessments?q=${encodeURIComponent(student.email)}`,
      }),
    );
    expect(byEmail).toContain(`/admin/assessments/${a.assessmentId}`);
  });
});

describe("question bank", () => {
  const question = questionBank().find((q) => q.skill === "writing" && q.task === 2)!;
  const page = `/admin/questions/${question.id}`;

  it("refuses JSON the content schema rejects, keeping what was typed", async () => {
    const typed = JSON.stringify({ ...question, prompt: "" });
    const r = await adminClient.submit(page, { intent: "save", json: typed });
    expect(r.statusCode).toBe(400);
    expect(body(r)).toContain("prompt");
    expect((await getQuestionRow(question.id))?.item).toEqual(question);
  });

  it("previews without saving, then saves an edit with an audit entry", async () => {
    const edited = { ...question, prompt: `${question.prompt} (edited by an admin)` };
    const preview = await adminClient.submit(page, {
      intent: "preview",
      json: JSON.stringify(edited),
    });
    expect(body(preview)).toContain("(edited by an admin)");
    expect((await getQuestionRow(question.id))?.editedAt).toBeUndefined();

    const saved = await adminClient.submit(page, { intent: "save", json: JSON.stringify(edited) });
    expect(body(saved)).toContain("Saved.");
    const row = await getQuestionRow(question.id);
    expect(row?.item.skill === "writing" && row.item.prompt).toContain("(edited by an admin)");
    expect(row?.editedAt).toBeDefined();
    expect(await lastAudit(`question#${question.id}`)).toMatchObject({
      action: "question.edit",
      after: edited,
    });
    // Put the original text back for the other tests.
    await adminClient.submit(page, { intent: "save", json: JSON.stringify(question) });
  });

  it("retires a question (kept for old work, never given to new work) and restores it", async () => {
    const r = await adminClient.submit(page, { intent: "retire" });
    expect(body(r)).toContain("Retired");
    expect((await listQuestionItems("writing")).map((q) => q.id)).not.toContain(question.id);
    expect(await getQuestionRow(question.id)).not.toBeNull();
    expect(await lastAudit(`question#${question.id}`)).toMatchObject({ action: "question.retire" });
    await adminClient.submit(page, { intent: "restore" });
    expect((await listQuestionItems("writing")).map((q) => q.id)).toContain(question.id);
    expect(await lastAudit(`question#${question.id}`)).toMatchObject({
      action: "question.restore",
    });
  });
});

describe("content reports", () => {
  it("lists a report written before reports had a status in the open queue, and marks it open", async () => {
    const student = await createStudent("old-reporter");
    const a = await scoredEssay(student.userId);
    const reportId = crypto.randomUUID();
    const { doc, table } = await getDb();
    await doc.send(
      new PutCommand({
        TableName: table("content-reports"),
        Item: {
          reportId,
          userId: student.userId,
          assessmentId: a.assessmentId,
          reason: "wrong-band",
          comment: "An old report with no status",
          createdAt: "2026-10-01T10:00:00.000Z",
        },
      }),
    );
    const queue = await adminClient.send({ method: "GET", path: "/admin/reports?status=open" });
    expect(body(queue)).toContain("An old report with no status");
    expect((await getContentReport(reportId))?.status).toBe("open");
  });

  it("resolving a report with a note shows the note to the student on their result page", async () => {
    const { student, a, report } = await reportedEssay("reporter", "My band is too low");
    expect(body(await adminClient.send({ method: "GET", path: "/admin/reports" }))).toContain(
      "My band is too low",
    );
    const r = await adminClient.submit("/admin/reports", {
      reportId: report.reportId,
      outcome: "resolved",
      note: "We checked it and rescored your essay.",
    });
    expect(body(r)).toContain("Resolved");
    expect((await getContentReport(report.reportId))?.status).toBe("resolved");
    expect(await lastAudit(`report#${report.reportId}`)).toMatchObject({
      action: "report.resolve",
      before: { status: "open" },
      after: { status: "resolved" },
    });
    const studentPage = body(
      await (
        await signedIn(student)
      ).send({ method: "GET", path: `/assessments/${a.assessmentId}` }),
    );
    expect(studentPage).toContain("We checked it and rescored your essay.");

    const again = await adminClient.submit("/admin/reports", {
      reportId: report.reportId,
      outcome: "dismissed",
      note: "twice",
    });
    expect(again.statusCode).toBe(409);
  });

  it("a request without the CSRF token changes nothing", async () => {
    const { report } = await reportedEssay("reporter-csrf", "");
    const r = await adminClient.send({
      method: "POST",
      path: "/admin/reports",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        origin: "http://localhost:3333",
        "sec-fetch-site": "same-origin",
      },
      body: {
        text: new URLSearchParams({
          reportId: report.reportId,
          outcome: "dismissed",
          note: "no token",
        }).toString(),
        base64: false,
      },
    });
    expect(r.statusCode).toBe(403);
    expect((await getContentReport(report.reportId))?.status).toBe("open");
  });
});

describe("dashboard and audit pages", () => {
  it("shows the day's counters, downloads them as CSV, and lists the audit log", async () => {
    const dashboard = await adminClient.send({ method: "GET", path: "/admin" });
    expect(dashboard.statusCode).toBe(200);
    expect(body(dashboard)).toContain("<svg");
    const csv = await adminClient.send({ method: "GET", path: "/admin/stats.csv" });
    expect(csv.headers?.["content-type"]).toContain("text/csv");
    const today = new Date().toISOString().slice(0, 10);
    const row = body(csv)
      .split("\r\n")
      .find((line) => line.startsWith(today));
    expect(row).toBeDefined();
    // The rescore above was a writing assessment scored today.
    expect(Number(row!.split(",")[1])).toBeGreaterThan(0);
    const audit = body(await adminClient.send({ method: "GET", path: "/admin/audit" }));
    expect(audit).toContain("user.disable");
    expect(audit).toContain(admin.email);
  });
});
