import { readFileSync } from "node:fs";
import { GetCommand, PutCommand, ScanCommand } from "@aws-sdk/lib-dynamodb";
import { describe, expect, it } from "vitest";
import { authenticate, requestPasswordReset } from "../src/accounts/service";
import { createGeminiProvider } from "../src/ai/gemini";
import { createLocalProvider } from "../src/ai/local";
import { NO_CONSENT_REASON, scoreAssessment } from "../src/assessments/score";
import { createAssessment, getAssessment, saveDraft } from "../src/data/assessments";
import { submitDraft } from "../src/data/assessment-transitions";
import { getAudioStore } from "../src/data/audio-store";
import { createContentReport } from "../src/data/content-reports";
import { audioKey } from "../src/data/keys";
import { appendAudit } from "../src/data/audit-log";
import { getPurchase, putLedgerEntry } from "../src/data/purchases";
import { logSafetyEvent } from "../src/data/safety-logs";
import { getDb, type TableName } from "../src/data/tables";
import type { User } from "../src/data/users";
import type { SpeakingPartAnswer } from "../src/domain/assessment";
import { RETENTION_DAYS } from "../src/domain/retention";
import { sha256 } from "../src/domain/tokens";
import type { AccountExport } from "../src/privacy/export";
import {
  ERASED_OWNER,
  PRIVACY_TABLE_NAMES,
  PRIVACY_TABLES,
  type TablePrivacy,
} from "../src/privacy/tables";
import { modelAnswer } from "./ai/helpers";
import { startFakeGemini } from "./fakes/gemini-server";
import { ApiClient } from "./support/api-client";
import { speakingPackBought } from "./support/purchases";
import { tinyWav } from "./support/audio";
import { FormClient } from "./support/client";
import { baseUrl } from "./support/ports";
import { createStudent, signedInClient, TEST_PASSWORD } from "./support/users";
import { unzip } from "./support/zip";
import { useFake } from "./support/fakes";
import { storedScored } from "./support/assessments";

const TYPED_PART: SpeakingPartAnswer = {
  part: 1,
  questions: ["Do you work or are you a student?"],
  transcript:
    "I'm a student at the moment. I study civil engineering at a university in my home city, and what I enjoy most is the practical side, because we visit building sites and see how the theory we learn is actually used.",
};

/** The tables app.arc declares, read from the file itself rather than from our registry. */
function declaredTables(): string[] {
  const section = /@tables\n([\s\S]*?)\n@/.exec(readFileSync("app.arc", "utf8"))![1]!;
  return section
    .split("\n")
    .filter((line) => /^\S/.test(line))
    .map((line) => line.trim());
}

async function scanTable(name: TableName): Promise<Record<string, unknown>[]> {
  const { doc, table } = await getDb();
  const items: Record<string, unknown>[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await doc.send(
      new ScanCommand({
        TableName: table(name),
        ExclusiveStartKey: startKey,
        ConsistentRead: true,
      }),
    );
    items.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return items;
}

async function putRaw(name: TableName, item: Record<string, unknown>) {
  const { doc, table } = await getDb();
  await doc.send(new PutCommand({ TableName: table(name), Item: item }));
}

async function recordedAssessment(user: User, status: "draft" | "queued", parts = 2) {
  const assessment = await createAssessment({
    userId: user.userId,
    skill: "speaking",
    status,
    submission: { kind: "speaking", module: "academic", setId: "s-test", parts: [] },
  });
  const recorded: SpeakingPartAnswer[] = [];
  for (const part of [2, 3].slice(0, parts - 1) as (2 | 3)[]) {
    const key = audioKey(user.userId, assessment.assessmentId, part, "wav");
    await getAudioStore().save(key, tinyWav(), "audio/wav");
    recorded.push({
      part,
      questions: ["Describe a place."],
      transcript: "",
      audioKey: key,
      audioMimeType: "audio/wav",
    });
  }
  const submission = { ...assessment.submission, parts: [TYPED_PART, ...recorded] };
  if (status === "draft") {
    await saveDraft(assessment.assessmentId, user.userId, submission);
  } else {
    const { doc, table } = await getDb();
    await doc.send(
      new PutCommand({ TableName: table("assessments"), Item: { ...assessment, submission } }),
    );
  }
  return {
    assessment: (await getAssessment(assessment.assessmentId))!,
    keys: recorded.map((r) => r.audioKey!),
  };
}

/**
 * A student with something in every table that holds personal data, each written the way the
 * application writes it (tables with no writer yet get the item their feature will write), and
 * recordings in the bucket. Fails when the registry names a table this does not fill, so a new
 * table must be filled here, and so checked by export and erasure.
 */
async function studentWithEverything(label: string) {
  const { client, user } = await signedInClient(label);
  const app = new ApiClient();
  const signedIn = await app.signIn(user.email, TEST_PASSWORD, `${label} phone`);
  if (!signedIn.ok) throw new Error("device sign-in failed");
  await requestPasswordReset({ email: user.email, baseUrl }); // auth-tokens, mail throttle
  await authenticate({ email: user.email, password: "not-the-password", baseUrl }); // throttle
  const { assessment, keys } = await recordedAssessment(user, "draft");
  await logSafetyEvent({
    assessmentId: assessment.assessmentId,
    userId: user.userId,
    event: { kind: "prompt-injection", detail: "ignore previous instructions", provider: "gemini" },
  });
  await createContentReport({
    userId: user.userId,
    assessmentId: assessment.assessmentId,
    reason: "wrong-band",
    comment: "My band seems too low.",
  });
  await client.submit("/account?index", { decision: "given" });
  // Declared for the mobile app's QR handoff and for purchases, not written by any feature yet.
  await putRaw("qr-tokens", {
    tokenHash: sha256(`qr-${user.userId}`),
    userId: user.userId,
    expiresAt: Math.floor(Date.now() / 1000) + 300,
  });
  await putRaw("entitlements", { userId: user.userId, productId: "speaking-pack", remaining: 3 });
  // An admin's action on the account: revoking its sessions would end the test's own.
  await appendAudit({
    actorId: "admin-of-the-test",
    actorEmail: "admin@example.com",
    action: "user.resend-verification",
    target: `user#${user.userId}`,
    at: new Date().toISOString(),
    note: `asked by ${user.email}`,
  });
  const purchaseId = `apple#${label}-${user.userId.slice(0, 8)}`;
  await speakingPackBought(user.userId, purchaseId);
  const at = new Date().toISOString();
  await putLedgerEntry({
    entryId: `grant#${purchaseId}`,
    userId: user.userId,
    kind: "grant",
    bucketId: purchaseId,
    amount: 20,
    source: "apple",
    createdAt: at,
  });

  const owner = { userId: user.userId, email: user.email };
  for (const [name, policy] of Object.entries(PRIVACY_TABLES) as [TableName, TablePrivacy][]) {
    if (!policy.personal) continue;
    const found = (await scanTable(name)).filter((item) => carries(item, owner));
    expect(found.length, `the test student has an item in ${name}`).toBeGreaterThan(0);
  }
  return { client, user, app, apiToken: signedIn.data.token, keys, purchaseId };
}

function carries(item: unknown, owner: { userId: string; email: string }): boolean {
  const text = JSON.stringify(item).toLowerCase();
  return text.includes(owner.userId.toLowerCase()) || text.includes(owner.email.toLowerCase());
}

describe("export", () => {
  it("downloads one zip with every table the registry lists and the recordings, without secrets", async () => {
    const { client, user, apiToken, keys } = await studentWithEverything("export");
    const sessionRaw = decodeURIComponent(client.cookieHeader());

    const response = await client.submit("/account", {}, "/account/export");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/zip");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename=".+\.zip"$/);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    const files = unzip(new Uint8Array(await response.arrayBuffer()));
    const json = files.get("data.json")!.toString("utf8");
    const data = JSON.parse(json) as AccountExport;

    expect(data.userId).toBe(user.userId);
    expect(data.email).toBe(user.email);
    // Every table app.arc declares is either exported or stated to hold nothing personal.
    for (const name of declaredTables()) {
      const listed = name in data.tables || name in data.notPersonal;
      expect(listed, `${name} is in the export`).toBe(true);
    }
    for (const name of PRIVACY_TABLE_NAMES) {
      if (!PRIVACY_TABLES[name].personal) continue;
      expect(data.tables[name]!.length, `${name} items exported`).toBeGreaterThan(0);
      for (const item of data.tables[name]!) expect(carries(item, user), name).toBe(true);
    }
    expect(data.tables.assessments![0]).toMatchObject({ userId: user.userId, skill: "speaking" });
    expect(data.tables["content-reports"]![0]).toMatchObject({ comment: "My band seems too low." });
    expect(data.tables.consents![0]).toMatchObject({ decision: "given" });

    // No secret in the file: no password hash, no token or session hash, no raw token.
    expect(json).not.toContain("passwordHash");
    expect(json).not.toContain("tokenHash");
    expect(json).not.toContain(sha256(apiToken));
    expect(json).not.toContain(apiToken);
    const rawSession = /ielts_session=([^;]+)/.exec(sessionRaw)?.[1];
    expect(rawSession).toBeDefined();
    expect(json).not.toContain(rawSession!);

    expect(data.recordings.map((r) => r.key)).toEqual(keys);
    for (const recording of data.recordings) {
      expect(files.get(recording.file!)).toEqual(tinyWav());
      const alone = await client.get(recording.download);
      expect(alone.status).toBe(200);
      expect(Buffer.from(await alone.arrayBuffer())).toEqual(tinyWav());
    }
    // Another student's link to it finds nothing.
    const { client: other } = await signedInClient("export-other");
    expect((await other.get(data.recordings[0]!.download)).status).toBe(404);
  });

  it("refuses an export posted without the form's token", async () => {
    const { client } = await signedInClient("export-csrf");
    const response = await client.post("/account/export", {});
    expect(response.status).toBe(403);
  });
});

describe("erasure", () => {
  it("after the password, leaves nothing in any table or the bucket that carries the user's id or email, and ends every sign-in", async () => {
    const { client, user, app, keys, purchaseId } = await studentWithEverything("erase");
    const owner = { userId: user.userId, email: user.email };

    const wrong = await client.submit("/account/delete", { password: "not-my-password" });
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain("That is not your password.");
    expect((await app.me()).status).toBe(200);

    // The same cookies in another browser: the session must end on the server, not only here.
    const copy = new FormClient();
    for (const pair of client.cookieHeader().split("; ")) {
      const eq = pair.indexOf("=");
      copy.setCookie(pair.slice(0, eq), pair.slice(eq + 1));
    }
    expect((await copy.get("/account")).status).toBe(200);
    const deleted = await client.submit("/account/delete", { password: TEST_PASSWORD });
    expect(deleted.status).toBe(302);
    expect(deleted.headers.get("location")).toBe("/account/deleted");
    expect(await (await client.follow(deleted)).text()).toContain("Your account is deleted");

    for (const name of declaredTables() as TableName[]) {
      const left = (await scanTable(name)).filter((item) => carries(item, owner));
      expect(left, `items of the erased user left in ${name}`).toEqual([]);
    }
    // The sale stays for the accounts, pointing at no one.
    expect(await getPurchase(purchaseId)).toMatchObject({
      purchaseId,
      userId: ERASED_OWNER,
      credits: 20,
    });
    const bucket = await getAudioStore().list("audio/");
    expect(bucket.filter((key) => key.includes(user.userId))).toEqual([]);
    for (const key of keys) await expect(getAudioStore().load(key)).rejects.toThrow();

    expect((await copy.get("/account")).status).toBe(302);
    expect((await app.me()).status).toBe(401);
    // The address is free again, and the old password opens nothing.
    const login = await new FormClient().submit("/login", {
      email: user.email,
      password: TEST_PASSWORD,
    });
    expect(login.status).toBe(400);
  });
});

describe("consent before a recording goes to the cloud scorer", () => {
  const fake = useFake(startFakeGemini);
  const local = createLocalProvider();

  const sentAudio = () =>
    fake.requests.some((request) =>
      (request.body as { contents: { parts: { inlineData?: unknown }[] }[] }).contents
        .flatMap((c) => c.parts)
        .some((p) => p.inlineData),
    );

  it("asks on the Speaking page, sends nothing without it, sends once given, and stops after withdrawal", async () => {
    const { client, user } = await signedInClient("consent");
    const gemini = createGeminiProvider({ apiKey: "test-key", baseUrl: fake.url });
    fake.otherwise({ kind: "answer", answer: modelAnswer({ FC: 6, LR: 6, GRA: 6, P: 6 }) });

    const page = await (await client.get("/assessments/speaking/new?module=academic")).text();
    expect(page).toContain('name="cloudAudioConsent"');

    // No consent: the typed part is scored from its text, the recorded part is not sent.
    const before = await recordedAssessment(user, "queued");
    expect(await scoreAssessment(before.assessment.assessmentId, [gemini, local])).toBe("scored");
    expect(sentAudio()).toBe(false);
    const unscored = (await storedScored(before.assessment.assessmentId)).result!.unscoredParts;
    expect(unscored).toEqual([{ part: 2, reason: NO_CONSENT_REASON }]);

    // Given on the account page: recorded with its time and the notice's version.
    const given = await client.submit("/account?index", { decision: "given" });
    expect(given.status).toBe(200);
    const account = await (await client.get("/account")).text();
    expect(account).toMatch(/You agreed on .+ \(notice version \d{4}-\d{2}-\d{2}\)/);
    expect(
      await (await client.get("/assessments/speaking/new?module=academic")).text(),
    ).not.toContain('name="cloudAudioConsent"');
    fake.reset();
    fake.otherwise({ kind: "answer", answer: modelAnswer({ FC: 6, LR: 6, GRA: 6, P: 6 }) });
    const after = await recordedAssessment(user, "queued");
    expect(await scoreAssessment(after.assessment.assessmentId, [gemini, local])).toBe("scored");
    expect(sentAudio()).toBe(true);

    // Withdrawn: a submission scored afterwards sends no recording again.
    await client.submit("/account?index", { decision: "withdrawn" });
    fake.reset();
    fake.otherwise({ kind: "answer", answer: modelAnswer({ FC: 6, LR: 6, GRA: 6, P: 6 }) });
    const withdrawn = await recordedAssessment(user, "queued");
    expect(await scoreAssessment(withdrawn.assessment.assessmentId, [gemini, local])).toBe(
      "scored",
    );
    expect(sentAudio()).toBe(false);
  });

  it("records consent ticked on the Speaking form itself", async () => {
    const { client } = await signedInClient("consent-form");
    const page = await (await client.get("/assessments/speaking/new?module=academic")).text();
    const assessmentId = /name="assessmentId" value="([^"]+)"/.exec(page)![1]!;
    const saved = await client.submit("/assessments/speaking/new?module=academic", {
      assessmentId,
      intent: "save",
      "transcript-1": TYPED_PART.transcript,
      cloudAudioConsent: "given",
    });
    expect(saved.status).toBe(302);
    const account = await (await client.get("/account")).text();
    expect(account).toContain("You agreed on");
  });
});

describe("privacy page and retention", () => {
  it("states what is kept and for how long, and sets no cookie but the essential ones", async () => {
    const response = await new FormClient().get("/privacy");
    expect(response.status).toBe(200);
    const cookies = response.headers.getSetCookie().map((line) => line.split("=")[0]);
    expect(cookies.every((name) => name === "ielts_csrf")).toBe(true);
    const html = await response.text();
    expect(html).toContain(`${RETENTION_DAYS.drafts} days after you last saved them`);
    expect(html).toContain(`${RETENTION_DAYS.safetyLogs} days`);
    expect(html).toContain("no cookie banner");
    expect(html).toContain("eu-west-2");
  });

  it("gives drafts and safety logs an expiry, and a handed-in assessment none", async () => {
    const user = await createStudent("retention");
    const { doc, table } = await getDb();
    const raw = async (assessmentId: string) =>
      (await doc.send(new GetCommand({ TableName: table("assessments"), Key: { assessmentId } })))
        .Item!;
    const { assessment } = await recordedAssessment(user, "draft");
    const days = (at: number) => (at * 1000 - Date.now()) / (24 * 60 * 60_000);
    const draft = await raw(assessment.assessmentId);
    expect(Math.round(days(Number(draft.expiresAt)))).toBe(RETENTION_DAYS.drafts);
    await submitDraft(assessment, assessment.submission);
    expect((await raw(assessment.assessmentId)).expiresAt).toBeUndefined();

    const log = await logSafetyEvent({
      assessmentId: assessment.assessmentId,
      userId: user.userId,
      event: { kind: "invalid-output", detail: "not JSON" },
    });
    expect(Math.round(days(log.expiresAt))).toBe(RETENTION_DAYS.safetyLogs);
  });
});
