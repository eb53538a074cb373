import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PUBLISH_TIMEOUT_MS, sweepStuck } from "../src/assessments/queue";
import { createAssessment, getAssessment } from "../src/data/assessments";
import type { WritingSubmission } from "../src/domain/assessment";
import type { Publish } from "../src/data/events";
import { publishEvent } from "../src/data/events";
import { AWS_CALL_TIMEOUTS } from "../src/data/arc";
import { entitlementSummary } from "../src/commerce/credits";
import { TIERS } from "../src/commerce/tiers";
import { HAND_IN_FAILED } from "../src/assessments/writing";
import { SPEAKING_HAND_IN_FAILED } from "../src/assessments/speaking-fields";
import { scoringEventHandler } from "../src/events/scoring-handler";
import { task2Essay } from "./ai/fixtures";
import { startFakeBedrock, type FakeBedrock } from "./fakes/bedrock-server";
import { checkThrottle, recordFailure } from "../src/accounts/throttles";
import { FAILURE_LIMITS } from "../src/accounts/throttle-policy";
import { accountThrottleKey } from "../src/data/keys";
import { nextMatching, startFaultyProxy } from "./fakes/faulty-proxy";
import { InProcessClient } from "./support/in-process";
import { testPorts } from "./support/ports";
import { createStudent, sessionCookieFor } from "./support/users";
import { useFake } from "./support/fakes";
import { settled as settledAssessment, storedScored } from "./support/assessments";

/*
 * Faults injected between real components: this process's DynamoDB client and event publisher
 * (the app's own, in the built server and in src/) reach Sandbox's DynamoDB and event bus
 * through a proxy each, which throttles, fails, holds or drops chosen requests. Sandbox, its
 * scoring workers and the SDK's retries are the real ones.
 */

const ESSAY = (task2Essay as WritingSubmission).response;
const WRITING = "/assessments/writing/new?module=academic&task=2";
const saved = { ...process.env };
/** A new student's free month of cloud-scored assessments. */
const FREE_WRITING = TIERS.find((t) => t.id === "free")!.credits;

const db = useFake(() => startFaultyProxy(testPorts.tables));
const bus = useFake(() => startFaultyProxy(testPorts.events));

beforeAll(() => {
  // Read when this process first connects (getDb, arc.events): nothing here has connected yet.
  process.env.ARC_TABLES_PORT = String(db.port);
  process.env.ARC_EVENTS_PORT = String(bus.port);
  process.env.ARC_SANDBOX = JSON.stringify({
    ...(JSON.parse(process.env.ARC_SANDBOX ?? "{}") as object),
    ports: { http: testPorts.http, events: bus.port, tables: db.port, _arc: testPorts.internal },
  });
});

/** A student with a Task 2 draft open, as after pressing Start. */
async function studentWithDraft() {
  const user = await createStudent("faults");
  const client = new InProcessClient().signIn(await sessionCookieFor(user));
  const page = await client.open(WRITING);
  const assessmentId = /name="assessmentId" value="([^"]+)"/.exec(page)?.[1];
  if (!assessmentId) throw new Error("no draft on the writing page");
  return { client, assessmentId, user };
}

function post(client: InProcessClient, assessmentId: string, intent: string, response: string) {
  return client.submit(WRITING, { intent, assessmentId, response });
}

/** The page's HTML. */
async function page(client: InProcessClient, path: string): Promise<string> {
  return String((await client.send({ method: "GET", path })).body);
}

/** Only these assessments are published by the sweep: others in the shared tables wait. */
function publishOnly(ids: string[]): Publish {
  return async (name, payload) => {
    if (!ids.includes(payload.assessmentId)) throw new Error("not this test's assessment");
    await publishEvent(name, payload);
  };
}

/** The worker's verdict, bounded: a fault here must not hang the suite. */
const settled = (assessmentId: string) =>
  settledAssessment(assessmentId, { timeoutMs: 30_000, pollMs: 250 });

/** Waits, bounded, for `done` to hold. */
async function until(done: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`not done after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Puts a variable back as it was (assigning undefined would set the string "undefined"). */
function restoreEnv(name: string) {
  if (saved[name] === undefined) delete process.env[name];
  else process.env[name] = saved[name];
}

const minutesFromNow = (minutes: number) => new Date(Date.now() + minutes * 60_000);

describe("DynamoDB throttling", { timeout: 40_000 }, () => {
  it("retries a submit through throttling of one request in three: queued with the text", async () => {
    const { client, assessmentId } = await studentWithDraft();
    let n = 0;
    db.rule(() => (n++ % 3 === 0 ? "throttle" : "pass"));

    const res = await post(client, assessmentId, "submit", ESSAY);
    db.reset();
    expect(res.statusCode).toBe(302);
    expect(res.headers?.location).toBe(`/assessments/${assessmentId}`);
    expect(n).toBeGreaterThan(2);
    const stored = (await getAssessment(assessmentId))!;
    expect(stored.status).not.toBe("draft");
    expect(stored.submission.kind === "writing" && stored.submission.response).toBe(ESSAY);
  });

  it("keeps the answer when throttling outlasts the retries, and the same submit works after", async () => {
    const { client, assessmentId } = await studentWithDraft();
    expect((await post(client, assessmentId, "save", "First paragraph.")).statusCode).toBe(200);
    // The table's write capacity is used up; reads still go through.
    db.rule((r) => (["UpdateItem", "PutItem"].includes(r.operation) ? "throttle" : "pass"));

    const failed = await post(client, assessmentId, "submit", ESSAY);
    const throttled = db.log.filter((r) => r.fault === "throttle").length;
    db.reset();
    // The student is told the answer was not handed in, and it is still on the page to resend.
    expect(failed.statusCode).toBe(503);
    const body = String(failed.body).replaceAll("&quot;", '"');
    expect(body).toContain(HAND_IN_FAILED);
    expect(body).toContain(ESSAY.slice(0, 80));
    expect(throttled).toBeGreaterThanOrEqual(3); // the SDK's three tries
    // Nothing lost on the server either: the saved draft is as it was.
    const draft = (await getAssessment(assessmentId))!;
    expect(draft.status).toBe("draft");
    expect(draft.submission.kind === "writing" && draft.submission.response).toBe(
      "First paragraph.",
    );

    const again = await post(client, assessmentId, "submit", ESSAY);
    expect(again.statusCode).toBe(302);
    const stored = (await getAssessment(assessmentId))!;
    expect(stored.submission.kind === "writing" && stored.submission.response).toBe(ESSAY);
  });

  it("keeps a Speaking test's typed answers on the page when the database will not take them", async () => {
    const speaking = "/assessments/speaking/new?module=general";
    const part1 =
      "I am a student at the moment. I study civil engineering, and what I like most is the practical work, because we build small models of bridges and test them.";
    const client = new InProcessClient().signIn(
      await sessionCookieFor(await createStudent("faults-speaking")),
    );
    const assessmentId = /name="assessmentId" value="([^"]+)"/.exec(
      await client.open(speaking),
    )?.[1];
    if (!assessmentId) throw new Error("no draft on the speaking page");
    const submit = () =>
      client.submit(speaking, { intent: "submit", assessmentId, "transcript-1": part1 });
    db.rule((r) => (["UpdateItem", "PutItem"].includes(r.operation) ? "throttle" : "pass"));

    const failed = await submit();
    db.reset();
    expect(failed.statusCode).toBe(503);
    const body = String(failed.body);
    expect(body).toContain(SPEAKING_HAND_IN_FAILED);
    expect(body).toContain(part1);
    expect((await getAssessment(assessmentId))?.status).toBe("draft");

    expect((await submit()).statusCode).toBe(302);
    const stored = (await getAssessment(assessmentId))!;
    expect(stored.submission.kind === "speaking" && stored.submission.parts[0]?.transcript).toBe(
      part1,
    );
  });
});

describe("DynamoDB reads handed back unprocessed", { timeout: 40_000 }, () => {
  const batchRead = (r: { operation: string }) => r.operation === "BatchGetItem";

  it("signs a student in when the session and user read comes back unprocessed twice", async () => {
    const user = await createStudent("faults-unprocessed");
    const client = new InProcessClient().signIn(await sessionCookieFor(user));
    db.rule(nextMatching(2, "unprocessed", batchRead));
    const page = await client.open("/dashboard");
    const reads = db.log.filter(batchRead);
    db.reset();
    expect(page).toContain(user.email);
    expect(reads.map((r) => r.fault)).toEqual(["unprocessed", "unprocessed", "pass"]);
  });

  it("keeps a locked account locked when its failed-login count comes back unprocessed", async () => {
    const keys = [accountThrottleKey(`unprocessed-${Date.now()}@example.com`)];
    for (let i = 0; i < FAILURE_LIMITS.account; i++) await recordFailure(keys);
    expect((await checkThrottle(keys)).blocked).toBe(true);
    db.rule(nextMatching(1, "unprocessed", batchRead));
    const verdict = await checkThrottle(keys);
    db.reset();
    expect(verdict.blocked).toBe(true);
  });
});

describe("DynamoDB timeouts", { timeout: 40_000 }, () => {
  const isHandIn = (r: { operation: string; body: string }) =>
    r.operation === "UpdateItem" && r.body.includes('":to":{"S":"queued"}');

  it("times out a hand-in that never gets an answer and retries it", async () => {
    const { client, assessmentId } = await studentWithDraft();
    db.rule(nextMatching(1, "hold", isHandIn));

    const started = Date.now();
    const res = await post(client, assessmentId, "submit", ESSAY);
    const took = Date.now() - started;
    expect(db.log.filter((r) => r.fault === "hold")).toHaveLength(1);
    expect(res.statusCode).toBe(302);
    // Given up on after the client's timeout, retried at once, well inside the HTTP Lambda's 15 s.
    expect(took).toBeGreaterThanOrEqual(AWS_CALL_TIMEOUTS.requestTimeout);
    expect(took).toBeLessThan(AWS_CALL_TIMEOUTS.requestTimeout + 5_000);
    const stored = (await getAssessment(assessmentId))!;
    expect(stored.status).not.toBe("draft");
    expect(stored.submission.kind === "writing" && stored.submission.response).toBe(ESSAY);
  });

  it("knows its own hand-in when the answer to the write was lost: queued once, charged once", async () => {
    // Cloud scoring configured for the page, so the hand-in takes one of the free month's credits.
    process.env.AI_PROVIDERS = "bedrock,local";
    const { client, assessmentId, user } = await studentWithDraft();
    db.rule(nextMatching(1, "lose-answer", isHandIn));

    const res = await post(client, assessmentId, "submit", ESSAY);
    restoreEnv("AI_PROVIDERS");
    // Written, unanswered, timed out and retried: the retry's condition (still a draft) fails.
    expect(db.log.filter((r) => r.fault === "lose-answer")).toHaveLength(1);
    expect(res.statusCode).toBe(302);
    expect(res.headers?.location).toBe(`/assessments/${assessmentId}`);
    const stored = await storedScored(assessmentId);
    expect(stored.submission.kind === "writing" && stored.submission.response).toBe(ESSAY);
    expect(stored.billing?.scoring).toBe("cloud");
    // Published at once, not left for the sweeper.
    expect(stored.publishCount).toBe(1);

    // Sandbox's worker finds no Bedrock, so the offline scorer scores it and the credit comes
    // back once: the free month's 3 again, not 4.
    const done = await settled(assessmentId);
    expect(done.result?.provider).toBe("local");
    // The worker saves the result, then refunds: wait for the refund to be marked and made.
    await until(async () => {
      const billing = (await storedScored(assessmentId))?.billing;
      return billing?.scoring === "cloud" && Boolean(billing.refundedAt);
    });
    const remaining = async () => (await entitlementSummary(user.userId)).remaining.writing;
    await until(async () => (await remaining()) >= FREE_WRITING);
    expect(await remaining()).toBe(FREE_WRITING);
  });
});

describe("event publish failures", { timeout: 40_000 }, () => {
  it("keeps a submission queued when the event bus fails, says so, and the sweeper republishes it", async () => {
    const { client, assessmentId } = await studentWithDraft();
    bus.rule(() => "fail");

    const res = await post(client, assessmentId, "submit", ESSAY);
    expect(res.statusCode).toBe(302);
    expect(bus.log.map((r) => r.fault)).toEqual(["fail"]);
    bus.reset();
    const stored = (await getAssessment(assessmentId))!;
    expect(stored).toMatchObject({ status: "queued", publishCount: 0 });
    const waiting = await page(client, `/assessments/${assessmentId}`);
    expect(waiting).toContain("Now: Waiting for a scorer.");
    expect(waiting).toContain("Your answer is saved");

    const report = await sweepStuck(publishOnly([assessmentId]), minutesFromNow(3));
    expect(report.republished).toEqual([assessmentId]);
    expect(bus.log.map((r) => r.fault)).toEqual(["pass"]);
    expect((await settled(assessmentId)).status).toBe("scored");
  });

  it("does not keep the student waiting on an event bus that never answers", async () => {
    const { client, assessmentId } = await studentWithDraft();
    bus.rule(() => "hold");

    const started = Date.now();
    const res = await post(client, assessmentId, "submit", ESSAY);
    const took = Date.now() - started;
    await bus.release();
    expect(took).toBeGreaterThanOrEqual(PUBLISH_TIMEOUT_MS);
    expect(took).toBeLessThan(PUBLISH_TIMEOUT_MS + 3_000);
    expect(res.statusCode).toBe(302);
    expect(bus.log.map((r) => r.fault)).toEqual(["hold"]);
    expect(await getAssessment(assessmentId)).toMatchObject({ status: "queued", publishCount: 0 });
    expect(await page(client, `/assessments/${assessmentId}`)).toContain(
      "Now: Waiting for a scorer.",
    );
  });
});

describe("scoring faults", { timeout: 40_000 }, () => {
  let bedrock: FakeBedrock;

  beforeAll(async () => {
    bedrock = await startFakeBedrock();
    bedrock.otherwise({ kind: "hang" });
  });
  afterAll(async () => {
    restoreEnv("AI_PROVIDERS");
    restoreEnv("BEDROCK_ENDPOINT");
    await bedrock.close();
  });

  const event = (assessmentId: string) => ({
    Records: [{ Sns: { Message: JSON.stringify({ assessmentId }) } }],
  });

  it("gives a hanging provider only the worker's time, then scores offline and says so", async () => {
    process.env.AI_PROVIDERS = "bedrock,local";
    process.env.BEDROCK_ENDPOINT = bedrock.url;
    const handler = scoringEventHandler("score-writing");
    const user = await createStudent("faults-hang");
    const assessment = await createAssessment({
      userId: user.userId,
      skill: "writing",
      status: "queued",
      submission: task2Essay as WritingSubmission,
    });
    // 20 s are kept back for the offline scorer and the save: the cloud gets under 10 s.
    const lambdaEnds = Date.now() + 30_000;
    await handler(event(assessment.assessmentId), {
      getRemainingTimeInMillis: () => lambdaEnds - Date.now(),
    });
    expect(Date.now()).toBeLessThan(lambdaEnds);

    const done = await storedScored(assessment.assessmentId);
    expect(done.status).toBe("scored");
    expect(done.result?.provider).toBe("local");
    const cloud = done.attempts?.filter((a) => a.provider === "bedrock") ?? [];
    expect(cloud[0]?.error).toMatch(/^timeout: no answer within \d+ ms/);
    expect(bedrock.requests.length).toBeGreaterThanOrEqual(1);
    const client = new InProcessClient().signIn(await sessionCookieFor(user));
    expect(await page(client, `/assessments/${assessment.assessmentId}`)).toContain(
      "Amazon Bedrock is set up here but could not score this just now, so these bands come from our offline scorer instead.",
    );
  });

  it("leaves a result the database would not take in scoring, and the sweeper gets it scored", async () => {
    process.env.AI_PROVIDERS = "local";
    const handler = scoringEventHandler("score-writing");
    const assessment = await createAssessment({
      userId: (await createStudent("faults-save")).userId,
      skill: "writing",
      status: "queued",
      submission: task2Essay as WritingSubmission,
    });
    db.rule((r) =>
      r.operation === "UpdateItem" && r.body.includes('":to":{"S":"scored"}') ? "throttle" : "pass",
    );
    await expect(
      handler(event(assessment.assessmentId), { getRemainingTimeInMillis: () => 60_000 }),
    ).rejects.toThrow(/throughput/i);
    db.reset();
    expect(await getAssessment(assessment.assessmentId)).toMatchObject({ status: "scoring" });

    // Past the sweeper's wait for a stuck scoring: back to the queue, published, scored.
    const report = await sweepStuck(publishOnly([assessment.assessmentId]), minutesFromNow(6));
    expect(report.republished).toEqual([assessment.assessmentId]);
    expect((await settled(assessment.assessmentId)).status).toBe("scored");
  });
});
