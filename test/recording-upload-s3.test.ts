import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { requestRecordingUpload, uploadRequestSchema } from "../src/assessments/recording-upload";
import { openSpeakingDraft, saveSpeakingAnswers } from "../src/assessments/speaking";
import { MAX_DIRECT_AUDIO_BYTES } from "../src/assessments/speaking-fields";
import { getAssessment } from "../src/data/assessments";
import type { UploadTarget } from "../src/data/audio-store";
import { S3AudioStore } from "../src/data/s3-audio-store";
import type { Publish } from "../src/data/events";
import { startFakeS3, type FakeS3 } from "./fakes/s3-server";

/**
 * Production's path for recordings: the real S3 client signs a PUT URL, the client sends the
 * bytes to S3 itself (never through the 6 MB Lambda event), and the draft points at the object
 * only once S3 says it holds it. The fake S3 checks the SigV4 signature, expiry and signed headers.
 */

const BUCKET = "recordings-test";
const OFFLINE = { cloudConfigured: false, choice: "offline" } as const;
const NO_TRANSCRIPTS = { 1: "", 2: "", 3: "" };

let s3: FakeS3;
let store: S3AudioStore;
const sent: string[] = [];
const publish: Publish = async (_name, payload) => {
  sent.push(payload.assessmentId);
};

beforeAll(async () => {
  s3 = await startFakeS3({
    bucket: BUCKET,
    secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY ?? "",
  });
  store = new S3AudioStore(BUCKET, s3.url);
});
afterAll(() => s3.close());
beforeEach(() => s3.reset());

function send(target: UploadTarget, body: Uint8Array, headers: Record<string, string> = {}) {
  return fetch(target.url, {
    method: target.method,
    headers: { ...target.headers, ...headers },
    body: new Uint8Array(body),
  });
}

async function draftFor() {
  return openSpeakingDraft(randomUUID(), "academic");
}

describe("recordings sent straight to S3 with a presigned PUT", () => {
  it("takes a 20 MB recording that the form path could never carry, and submits it", async () => {
    const draft = await draftFor();
    const bytes = randomBytes(20 * 1024 * 1024);
    const input = uploadRequestSchema.parse({
      part: 2,
      contentType: "audio/mp4",
      bytes: bytes.length,
    });
    const ticket = await requestRecordingUpload(draft, input, store);
    if (!ticket.ok) throw new Error("refused");
    expect(new URL(ticket.upload.url).searchParams.get("X-Amz-SignedHeaders")).toContain(
      "content-length",
    );

    const put = await send(ticket.upload, bytes);
    expect(put.status).toBe(200);
    const object = s3.objects.get(ticket.key);
    expect(object?.body.equals(bytes)).toBe(true);
    expect(object).toMatchObject({ contentType: "audio/mp4", encryption: "AES256" });

    const outcome = await saveSpeakingAnswers(
      draft,
      {
        intent: "submit",
        transcripts: NO_TRANSCRIPTS,
        recordings: {},
        uploaded: { 2: ticket.key },
      },
      { store, publish, scoring: OFFLINE },
    );
    expect(outcome).toBe("submitted");
    const stored = await getAssessment(draft.assessment.assessmentId);
    expect(stored?.status).toBe("queued");
    expect(stored?.submission.kind === "speaking" && stored.submission.parts).toEqual([
      expect.objectContaining({ part: 2, audioKey: ticket.key, audioMimeType: "audio/mp4" }),
    ]);
    expect(sent).toContain(draft.assessment.assessmentId);
    expect((await store.load(ticket.key)).bytes.length).toBe(bytes.length);
  });

  it("is refused by S3 for a body of another length or type than was signed, or after expiry", async () => {
    const draft = await draftFor();
    const bytes = randomBytes(64 * 1024);
    const ticket = await requestRecordingUpload(
      draft,
      { part: 1, contentType: "audio/webm", bytes: bytes.length },
      store,
    );
    if (!ticket.ok) throw new Error("refused");
    expect((await send(ticket.upload, randomBytes(bytes.length + 1))).status).toBe(403);
    expect((await send(ticket.upload, bytes, { "Content-Type": "text/html" })).status).toBe(403);
    expect(s3.objects.size).toBe(0);

    const shortLived = await store.uploadTarget(
      ticket.key,
      "audio/webm",
      bytes.length,
      new Date(Date.now() + 1000),
    );
    await new Promise((resolve) => setTimeout(resolve, 2100));
    const late = await send(shortLived, bytes);
    expect(late.status).toBe(403);
    expect(await late.text()).toContain("AccessDenied");
    expect(s3.objects.size).toBe(0);
  });

  it("refuses recordings over 25 MB before any URL is made", async () => {
    const draft = await draftFor();
    const ticket = await requestRecordingUpload(
      draft,
      { part: 3, contentType: "audio/wav", bytes: MAX_DIRECT_AUDIO_BYTES + 1 },
      store,
    );
    expect(ticket).toEqual({ ok: false, reason: "too-large", maxBytes: MAX_DIRECT_AUDIO_BYTES });
  });

  it("saves nothing when a named recording never arrived or belongs to another draft", async () => {
    const draft = await draftFor();
    const other = await draftFor();
    const bytes = randomBytes(1024);
    const theirs = await requestRecordingUpload(
      other,
      { part: 1, contentType: "audio/ogg", bytes: bytes.length },
      store,
    );
    const unsent = await requestRecordingUpload(
      draft,
      { part: 1, contentType: "audio/ogg", bytes: bytes.length },
      store,
    );
    if (!theirs.ok || !unsent.ok) throw new Error("refused");
    expect((await send(theirs.upload, bytes)).status).toBe(200);

    const typed = { 1: "I live in a small town near the coast.", 2: "", 3: "" };
    for (const key of [theirs.key, unsent.key, `${unsent.key}/../x`]) {
      const outcome = await saveSpeakingAnswers(
        draft,
        { intent: "save", transcripts: typed, recordings: {}, uploaded: { 1: key } },
        { store, publish, scoring: OFFLINE },
      );
      expect(outcome).toBe("not-uploaded");
    }
    const kept = await getAssessment(draft.assessment.assessmentId);
    expect(kept?.status).toBe("draft");
    expect(kept?.submission.kind === "speaking" && kept.submission.parts[0]?.transcript).toBe("");
  });

  it("reads the size and type back, and answers null for a key S3 does not hold", async () => {
    const draft = await draftFor();
    const ticket = await requestRecordingUpload(
      draft,
      { part: 2, contentType: "audio/mpeg", bytes: 10 },
      store,
    );
    if (!ticket.ok) throw new Error("refused");
    expect(await store.stat(ticket.key)).toBeNull();
    await send(ticket.upload, randomBytes(10));
    expect(await store.stat(ticket.key)).toEqual({ bytes: 10, mimeType: "audio/mpeg" });
  });

  it("never lets a save racing the hand-in replace the recording the submission points at", async () => {
    const draft = await draftFor();
    const first = { bytes: new Uint8Array(randomBytes(2048)), mimeType: "audio/webm" as const };
    const deps = { store, publish, scoring: OFFLINE };
    const submitted = await saveSpeakingAnswers(
      draft,
      { intent: "submit", transcripts: NO_TRANSCRIPTS, recordings: { 1: first } },
      deps,
    );
    expect(submitted).toBe("submitted");
    // The same (now stale) draft saved again, as a second tab would.
    const late = { bytes: new Uint8Array(randomBytes(2048)), mimeType: "audio/webm" as const };
    const again = await saveSpeakingAnswers(
      draft,
      { intent: "save", transcripts: NO_TRANSCRIPTS, recordings: { 1: late } },
      deps,
    );
    expect(again).toBe("closed");
    const stored = await getAssessment(draft.assessment.assessmentId);
    const key = stored?.submission.kind === "speaking" ? stored.submission.parts[0]?.audioKey : "";
    expect(Buffer.from((await store.load(key!)).bytes).equals(Buffer.from(first.bytes))).toBe(true);
  });
});
