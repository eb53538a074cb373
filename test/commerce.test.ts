import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLocalProvider } from "../src/ai/local";
import { scoringOptions } from "../src/assessments/charge";
import { sweepStuck } from "../src/assessments/queue";
import { scoreAssessment } from "../src/assessments/score";
import { openSpeakingDraft, saveSpeakingAnswers } from "../src/assessments/speaking";
import { openWritingDraft, submitWriting } from "../src/assessments/writing";
import {
  handleAppleNotification,
  redeemAppleTransaction,
  type AppleConfig,
} from "../src/commerce/apple";
import { entitlementSummary, grantByAdmin, takeCredit } from "../src/commerce/credits";
import {
  handleGoogleNotification,
  redeemGooglePurchase,
  type GoogleConfig,
} from "../src/commerce/google";
import { certificatesFromPem } from "../src/commerce/jws";
import { getAssessment, listUserAssessments } from "../src/data/assessments";
import { recordPublished } from "../src/data/assessment-transitions";
import { getAudioStore } from "../src/data/audio-store";
import { listBuckets } from "../src/data/entitlements";
import type { Publish } from "../src/data/events";
import { getPurchase, listUserLedger, listUserPurchases } from "../src/data/purchases";
import { startFakeGooglePlay } from "./fakes/google-play";
import { tinyWav } from "./support/audio";
import { baseUrl } from "./support/ports";
import { ApiClient } from "./support/api-client";
import { createStudent, signedInClient, TEST_PASSWORD } from "./support/users";
import { appleLikeChain, issue, loadChain, signAppStoreJws, TEST_BUNDLE_ID } from "./support/x509";
import { GOOD_ESSAY } from "../src/scoring/writing/fixtures/essays";
import { storedScored } from "./support/assessments";

const CLOUD = { cloudConfigured: true, choice: "cloud" } as const;

/** The event bus, held back: these tests score in process, when they choose to. */
function heldEvents() {
  const sent: string[] = [];
  const publish: Publish = async (_name, payload) => {
    sent.push(payload.assessmentId);
  };
  return { sent, publish };
}

async function remaining(userId: string, skill: "writing" | "speaking") {
  return (await entitlementSummary(userId)).remaining[skill];
}

/** Uses up credits until `left` remain for writing. */
async function drainTo(userId: string, left: number) {
  while ((await remaining(userId, "writing")) > left) {
    if (!(await takeCredit(userId, "writing"))) throw new Error("could not take a credit");
  }
}

describe("credits on submission", () => {
  it("gives the last credit to exactly one of two parallel submissions; the other keeps its text", async () => {
    const student = await createStudent("last-credit");
    await drainTo(student.userId, 1);
    const slot = { userId: student.userId, module: "academic" as const };
    const first = await openWritingDraft({ ...slot, task: 2 });
    const second = await openWritingDraft({ ...slot, task: 1 });
    const { publish, sent } = heldEvents();

    const outcomes = await Promise.all([
      submitWriting(first.assessment, GOOD_ESSAY, { publish, scoring: CLOUD }),
      submitWriting(second.assessment, `${GOOD_ESSAY} (task 1)`, { publish, scoring: CLOUD }),
    ]);

    expect(outcomes.map((o) => o.kind).sort()).toEqual(["no-credit", "queued"]);
    expect(sent).toHaveLength(1);
    expect(await remaining(student.userId, "writing")).toBe(0);
    const refusedId = outcomes[0]!.kind === "no-credit" ? first : second;
    const kept = await getAssessment(refusedId.assessment.assessmentId);
    expect(kept?.status).toBe("draft");
    expect(kept?.submission.kind === "writing" && kept.submission.response).toContain(
      GOOD_ESSAY.slice(0, 200),
    );
    // Offered offline instead: queued without a credit.
    const offline = await submitWriting(kept!, GOOD_ESSAY, {
      publish,
      scoring: { ...CLOUD, choice: "offline" },
    });
    expect(offline.kind).toBe("queued");
    expect(offline.kind === "queued" && offline.assessment.billing).toEqual({ scoring: "offline" });
    expect(await remaining(student.userId, "writing")).toBe(0);
  });

  it("charges nothing when no cloud model is configured", async () => {
    const student = await createStudent("offline-only");
    const before = await remaining(student.userId, "writing");
    const draft = await openWritingDraft({ userId: student.userId, module: "academic", task: 2 });
    const outcome = await submitWriting(draft.assessment, GOOD_ESSAY, {
      publish: heldEvents().publish,
      scoring: scoringOptions("cloud", {}),
    });
    expect(outcome.kind === "queued" && outcome.assessment.billing).toEqual({ scoring: "offline" });
    expect(await remaining(student.userId, "writing")).toBe(before);
  });

  it("refunds the credit of a scoring that finally fails, once", async () => {
    const student = await createStudent("refund-failed");
    const before = await remaining(student.userId, "speaking");
    const { assessment, set } = await openSpeakingDraft(student.userId, "academic");
    const outcome = await saveSpeakingAnswers(
      { assessment, set },
      {
        intent: "submit",
        transcripts: { 1: "", 2: "", 3: "" },
        recordings: { 2: { bytes: tinyWav(), mimeType: "audio/wav" } },
      },
      { store: getAudioStore(), publish: heldEvents().publish, scoring: CLOUD },
    );
    expect(outcome).toBe("submitted");
    expect(await remaining(student.userId, "speaking")).toBe(before - 1);

    // A recording and no scorer that listens: the scoring fails for good.
    expect(await scoreAssessment(assessment.assessmentId, [createLocalProvider()])).toBe("failed");
    const failed = await storedScored(assessment.assessmentId);
    expect(failed?.billing?.scoring === "cloud" && failed.billing.refundedAt).toBeTruthy();
    expect(await remaining(student.userId, "speaking")).toBe(before);
    // A second delivery of the event changes nothing.
    expect(await scoreAssessment(assessment.assessmentId, [createLocalProvider()])).toBe("skipped");
    expect(await remaining(student.userId, "speaking")).toBe(before);
  });

  it("refunds when the sweeper gives up, and when only the offline scorer could score", async () => {
    const student = await createStudent("refund-sweeper");
    const before = await remaining(student.userId, "writing");
    const { publish } = heldEvents();
    const a = await openWritingDraft({ userId: student.userId, module: "academic", task: 2 });
    const b = await openWritingDraft({ userId: student.userId, module: "general", task: 2 });
    await submitWriting(a.assessment, GOOD_ESSAY, { publish, scoring: CLOUD });
    await submitWriting(b.assessment, GOOD_ESSAY, { publish, scoring: CLOUD });
    expect(await remaining(student.userId, "writing")).toBe(before - 2);

    for (let i = 0; i < 5; i++) await recordPublished(a.assessment.assessmentId);
    const report = await sweepStuck(publish, new Date(Date.now() + 3 * 60_000));
    expect(report.gaveUp).toContain(a.assessment.assessmentId);
    expect(await remaining(student.userId, "writing")).toBe(before - 1);

    const scored = await scoreAssessment(b.assessment.assessmentId, [createLocalProvider()]);
    expect(scored).toBe("scored");
    expect(await remaining(student.userId, "writing")).toBe(before);
  });
});

const BUNDLE = TEST_BUNDLE_ID;

function appleSetup() {
  const chain = appleLikeChain();
  const config: AppleConfig = {
    bundleId: BUNDLE,
    environment: "Sandbox",
    roots: certificatesFromPem(chain.root.pem),
  };
  let n = 0;
  const transaction = (userId: string, overrides: Record<string, unknown> = {}) => ({
    transactionId: `2000000${Date.now()}${n++}`,
    originalTransactionId: "2000000000000001",
    bundleId: BUNDLE,
    productId: "ielts.pack.writing20",
    purchaseDate: Date.now() - 1000,
    type: "Consumable",
    environment: "Sandbox",
    appAccountToken: userId,
    quantity: 1,
    signedDate: Date.now(),
    ...overrides,
  });
  return { chain, config, transaction };
}

describe("Apple purchases", () => {
  it("grants a replayed signed transaction once, and a refund notification revokes what is left", async () => {
    const { chain, config, transaction } = appleSetup();
    const student = await createStudent("apple");
    const bought = transaction(student.userId);
    const jws = signAppStoreJws(bought, chain);

    const outcomes = await Promise.all([
      redeemAppleTransaction(student.userId, jws, config),
      redeemAppleTransaction(student.userId, jws, config),
    ]);
    expect(outcomes.map((o) => o.kind).sort()).toEqual(["already-granted", "granted"]);
    expect((await redeemAppleTransaction(student.userId, jws, config)).kind).toBe(
      "already-granted",
    );
    const bucketId = `apple#${bought.transactionId}`;
    const buckets = await listBuckets(student.userId);
    expect(buckets.filter((b) => b.bucketId === bucketId).map((b) => b.remaining)).toEqual([20]);
    const grants = (await listUserLedger(student.userId)).filter((e) => e.bucketId === bucketId);
    expect(grants).toEqual([
      expect.objectContaining({ kind: "grant", amount: 20, source: "apple" }),
    ]);

    // The free allowance goes first, then one from the pack.
    await drainTo(student.userId, 19);
    expect(await remaining(student.userId, "writing")).toBe(19);

    const refund = signAppStoreJws(
      {
        notificationType: "REFUND",
        notificationUUID: crypto.randomUUID(),
        data: {
          bundleId: BUNDLE,
          environment: "Sandbox",
          signedTransactionInfo: signAppStoreJws({ ...bought, revocationDate: Date.now() }, chain),
        },
        version: "2.0",
        signedDate: Date.now(),
      },
      chain,
    );
    expect(await handleAppleNotification(refund, config)).toEqual({
      kind: "revoked",
      creditsTaken: 19,
    });
    expect(await handleAppleNotification(refund, config)).toEqual({ kind: "already-revoked" });
    expect(await remaining(student.userId, "writing")).toBe(0);
    expect((await getPurchase(bucketId))?.status).toBe("revoked");
    expect((await listUserLedger(student.userId)).filter((e) => e.kind === "revoke")).toEqual([
      expect.objectContaining({ amount: 19, source: "apple:REFUND", bucketId }),
    ]);
    // The receipt sent again after its refund grants nothing.
    expect((await redeemAppleTransaction(student.userId, jws, config)).kind).toBe("revoked");
  });

  it("refuses a chain from another root, a changed payload, another app, environment or account", async () => {
    const { chain, config, transaction } = appleSetup();
    const student = await createStudent("apple-refused");
    const stranger = appleLikeChain(issue("Not Apple", { ca: true }));
    const refusal = (jws: string, userId = student.userId) =>
      redeemAppleTransaction(userId, jws, config);

    expect(await refusal(signAppStoreJws(transaction(student.userId), stranger))).toEqual({
      kind: "refused",
      reason: "The chain does not end at a trusted Apple root.",
    });
    const [head, , sig] = signAppStoreJws(transaction(student.userId), chain).split(".");
    const forged = Buffer.from(
      JSON.stringify(transaction(student.userId, { productId: "ielts.pack.full60" })),
    ).toString("base64url");
    expect((await refusal(`${head}.${forged}.${sig}`)).kind).toBe("refused");
    expect(
      (
        await refusal(
          signAppStoreJws(transaction(student.userId, { bundleId: "com.other" }), chain),
        )
      ).kind,
    ).toBe("refused");
    expect(
      (
        await refusal(
          signAppStoreJws(transaction(student.userId, { environment: "Production" }), chain),
        )
      ).kind,
    ).toBe("refused");
    const other = await createStudent("apple-other");
    expect(
      (await refusal(signAppStoreJws(transaction(student.userId), chain), other.userId)).kind,
    ).toBe("other-account");
    // A leaf without Apple's marker extension is not an App Store signing certificate.
    const plainLeaf = { ...chain, leaf: issue("Some leaf", { issuer: chain.intermediate }) };
    expect((await refusal(signAppStoreJws(transaction(student.userId), plainLeaf))).kind).toBe(
      "refused",
    );
    expect(await listUserPurchases(student.userId)).toEqual([]);
  });
});

describe("Google Play purchases", () => {
  const PACKAGE = "com.example.ielts";
  let google: Awaited<ReturnType<typeof startFakeGooglePlay>>;
  let config: GoogleConfig;

  beforeAll(async () => {
    google = await startFakeGooglePlay(PACKAGE);
    config = {
      packageName: PACKAGE,
      serviceAccount: JSON.parse(google.serviceAccountJson),
      publisherBaseUrl: google.url,
      notificationToken: "push-secret",
    };
  });
  afterAll(() => google.close());

  const push = (notification: unknown) => ({
    message: {
      data: Buffer.from(JSON.stringify(notification)).toString("base64"),
      messageId: "136969346945",
      publishTime: new Date().toISOString(),
    },
    subscription: "projects/ielts/subscriptions/play-rtdn",
  });

  it("grants a replayed purchase token once, and a voided purchase revokes what is left", async () => {
    const student = await createStudent("google");
    const { purchaseToken, orderId } = google.buy("ielts.pack.speaking20", student.userId);
    const input = { productId: "ielts.pack.speaking20", purchaseToken };

    const outcomes = await Promise.all([
      redeemGooglePurchase(student.userId, input, config),
      redeemGooglePurchase(student.userId, input, config),
    ]);
    expect(outcomes.map((o) => o.kind).sort()).toEqual(["already-granted", "granted"]);
    const before = await remaining(student.userId, "speaking");
    expect(before).toBe(23);
    // Service-account auth: a signed JWT exchanged once, then bearer calls to the publisher.
    expect(google.received.filter((r) => r.url === "/token")).toHaveLength(1);
    expect(google.received.filter((r) => r.url?.includes("/purchases/products/"))).toHaveLength(2);

    const voided = push({
      version: "1.0",
      packageName: PACKAGE,
      eventTimeMillis: String(Date.now()),
      voidedPurchaseNotification: { purchaseToken, orderId, productType: 2, refundType: 1 },
    });
    // Google still says it is paid: a forged notification revokes nothing.
    expect((await handleGoogleNotification(voided, "push-secret", config)).kind).toBe("refused");
    expect((await handleGoogleNotification(voided, "wrong", config)).kind).toBe("refused");
    google.void(purchaseToken);
    expect(await handleGoogleNotification(voided, "push-secret", config)).toEqual({
      kind: "revoked",
      creditsTaken: 20,
    });
    expect(await remaining(student.userId, "speaking")).toBe(3);
    expect((await listUserLedger(student.userId)).map((e) => [e.kind, e.source, e.amount])).toEqual(
      expect.arrayContaining([
        ["grant", "google", 20],
        ["revoke", "google:voided", 20],
      ]),
    );
    expect((await redeemGooglePurchase(student.userId, input, config)).kind).toBe("refused");
  });

  it("refuses an unknown token and a purchase made for another account", async () => {
    const student = await createStudent("google-refused");
    const other = await createStudent("google-other");
    expect(
      (
        await redeemGooglePurchase(
          student.userId,
          { productId: "ielts.pack.full60", purchaseToken: "nope" },
          config,
        )
      ).kind,
    ).toBe("refused");
    const { purchaseToken } = google.buy("ielts.pack.full60", other.userId);
    expect(
      (
        await redeemGooglePurchase(
          student.userId,
          { productId: "ielts.pack.full60", purchaseToken },
          config,
        )
      ).kind,
    ).toBe("other-account");
  });
});

describe("grants by an admin", () => {
  it("adds a pack with the reason in the ledger, and refuses a student", async () => {
    const admin = { userId: crypto.randomUUID(), role: "admin" };
    const student = await createStudent("admin-grant");
    expect(
      await grantByAdmin(
        { userId: student.userId, role: "student" },
        { userId: student.userId, tierId: "full", reason: "myself" },
      ),
    ).toEqual({ ok: false, reason: "forbidden" });
    const refused = await grantByAdmin(admin, { userId: student.userId, reason: "" });
    expect(refused.ok).toBe(false);
    const granted = await grantByAdmin(admin, {
      userId: student.userId,
      tierId: "speaking",
      reason: "Refund by hand for ticket 42",
    });
    expect(granted.ok).toBe(true);
    expect(await remaining(student.userId, "speaking")).toBe(23);
    expect(await listUserLedger(student.userId)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: "grant",
          amount: 20,
          source: `admin:${admin.userId}`,
          reason: "Refund by hand for ticket 42",
        }),
      ]),
    );
  });
});

describe("through the pages and the API, without JavaScript", () => {
  it("offers offline scoring or a pack when no credit is left, and loses nothing typed", async () => {
    const { client, user } = await signedInClient("no-credit-page");
    await drainTo(user.userId, 0);
    const path = "/assessments/writing/new?task=2&module=academic";
    await client.start(path);

    const refused = await client.submit(path, { intent: "submit", response: GOOD_ESSAY });
    expect(refused.status).toBe(402);
    const html = await refused.text();
    expect(html).toContain("No AI-scored Writing left");
    expect(html).toContain('value="submit-offline"');
    expect(html).toContain('href="/pricing"');
    const [draft] = (await listUserAssessments(user.userId)).filter((a) => a.status === "draft");
    expect(draft?.submission.kind === "writing" && draft.submission.response).toBe(GOOD_ESSAY);

    const offline = await client.submit(path, { intent: "submit-offline", response: GOOD_ESSAY });
    expect(offline.status).toBe(302);
    expect(offline.headers.get("location")).toBe(`/assessments/${draft!.assessmentId}`);
    expect((await storedScored(draft!.assessmentId))?.billing).toEqual({ scoring: "offline" });
  });

  it("shows the tiers and, for each pack, a QR code into the app", async () => {
    const page = await fetch(new URL("/pricing", baseUrl));
    expect(page.status).toBe(200);
    const html = await page.text();
    for (const name of ["Free", "Writing pack", "Speaking pack", "Full"])
      expect(html).toContain(name);
    expect(html.match(/<svg\b/g)).toHaveLength(3);
    expect(html).toContain('href="ielts-ai-prep://purchase?product=ielts.pack.writing20"');
  });

  it("redeems an App Store purchase through the API once, and shows it on the web account", async () => {
    const chain = loadChain();
    const { client, user } = await signedInClient("handoff");
    const app = new ApiClient();
    expect((await app.signIn(user.email, TEST_PASSWORD)).ok).toBe(true);
    const signedTransaction = signAppStoreJws(
      {
        transactionId: `3000000${Date.now()}`,
        bundleId: TEST_BUNDLE_ID,
        productId: "ielts.pack.full60",
        purchaseDate: Date.now(),
        type: "Consumable",
        environment: "Sandbox",
        appAccountToken: user.userId,
        signedDate: Date.now(),
      },
      chain,
    );
    const first = await app.call<{ granted: boolean; remaining: { writing: number } }>(
      "POST",
      "/api/v1/purchases/apple",
      { body: { signedTransaction } },
    );
    expect(first.status).toBe(201);
    expect(first.ok && first.data.remaining.writing).toBe(63);
    const again = await app.call<{ granted: boolean }>("POST", "/api/v1/purchases/apple", {
      body: { signedTransaction },
    });
    expect(again.status).toBe(200);
    expect(again.ok && again.data.granted).toBe(false);
    const bad = await app.call("POST", "/api/v1/purchases/apple", {
      body: { signedTransaction: signedTransaction.slice(0, -4) + "AAAA" },
    });
    expect(bad.status).toBe(422);

    const entitlements = await app.call<{
      remaining: Record<string, number>;
      purchases: unknown[];
    }>("GET", "/api/v1/entitlements");
    expect(entitlements.ok && entitlements.data.remaining).toEqual({ writing: 63, speaking: 63 });
    expect(entitlements.ok && entitlements.data.purchases).toHaveLength(1);

    const account = await (await client.get("/account/purchases")).text();
    expect(account).toContain("Full");
    expect(account).toContain("App Store");
    expect(account).toContain("63 Writing, 63 Speaking");
  });
});
