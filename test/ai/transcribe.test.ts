import { beforeEach, describe, expect, it } from "vitest";
import {
  createTranscribeClient,
  createTranscriber,
  speechToTextFromEnv,
  TranscriptionFailedError,
  TranscriptionPendingError,
} from "../../src/ai/transcribe";
import type { SpeechToText } from "../../src/ai/types";
import { startFakeTranscribe } from "../fakes/transcribe-server";
import { useFake } from "../support/fakes";

const fake = useFake(startFakeTranscribe);
const waits: number[] = [];
const noSleep = async (ms: number) => {
  waits.push(ms);
};

function transcriber(options: { maxWaitMs?: number; languageCode?: string } = {}): SpeechToText {
  return createTranscriber({
    client: createTranscribeClient({ endpoint: fake.url, region: "eu-west-2" }),
    pollMs: 1_000,
    maxPollMs: 4_000,
    sleep: noSleep,
    ...options,
  });
}

const recording = (jobName: string) => ({
  jobName,
  mediaUri: "s3://recordings/audio/u/a/part-1.webm",
  mimeType: "audio/webm;codecs=opus",
});

beforeEach(() => {
  waits.length = 0;
});

describe("Amazon Transcribe through the real SDK client", () => {
  it("starts a job on the stored recording, polls it, and reads text and word timings", async () => {
    fake.otherwise({
      kind: "transcript",
      text: "I live in a small town, near the sea.",
      confidence: 0.9,
      pauseAfter: 4,
    });
    const heard = await transcriber().transcribe(recording("ielts-a-part-1"));

    expect(heard.text).toBe("I live in a small town, near the sea.");
    expect(heard.words.map((w) => w.word)).toEqual([
      "I",
      "live",
      "in",
      "a",
      "small",
      "town",
      "near",
      "the",
      "sea",
    ]);
    expect(heard.words[0]).toEqual({ word: "I", start: 0.5, end: 0.8, confidence: 0.9 });
    // The 3-second silence after "a" is in the timings, for the fluency measures.
    expect(heard.words[4]!.start - heard.words[3]!.end).toBeCloseTo(3.1);
    expect(heard.engine).toBe("amazon-transcribe");
    expect(heard.languageCode).toBe("en-GB");
    // Nine words end at 7.0 s: billed at the 15-second minimum, $0.024 a minute.
    expect(heard.costUsd).toBe(0.006);

    const start = fake.requests[0]!;
    expect(start.headers["x-amz-target"]).toBe("Transcribe.StartTranscriptionJob");
    expect(start.headers["content-type"]).toBe("application/x-amz-json-1.1");
    expect(start.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 .*\/eu-west-2\/transcribe\//);
    expect(start.body).toEqual({
      TranscriptionJobName: "ielts-a-part-1",
      LanguageCode: "en-GB",
      Media: { MediaFileUri: "s3://recordings/audio/u/a/part-1.webm" },
      MediaFormat: "webm",
    });
    expect(fake.requests[1]!.headers["x-amz-target"]).toBe("Transcribe.GetTranscriptionJob");
    expect(fake.requests[2]!.path).toBe("/transcripts/ielts-a-part-1.json");
  });

  it("uses the configured English variant", async () => {
    await transcriber({ languageCode: "en-AU" }).transcribe(recording("ielts-b-part-1"));
    expect((fake.requests[0]!.body as { LanguageCode: string }).LanguageCode).toBe("en-AU");
  });

  it("reports a failed job with Transcribe's reason, as a recording it cannot transcribe", async () => {
    fake.otherwise({
      kind: "fail",
      reason: "The media format provided does not match the detected media format.",
      pollsUntilDone: 1,
    });
    const error = await transcriber()
      .transcribe(recording("ielts-c-part-2"))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TranscriptionFailedError);
    expect((error as Error).message).toMatch(/ielts-c-part-2 failed: The media format provided/);
  });

  it("treats a refused job as a recording it cannot transcribe, and an outage as one to retry", async () => {
    fake.plan("refused", { kind: "refuse", status: 400, errorType: "BadRequestException" });
    fake.plan("outage", { kind: "refuse", status: 500, errorType: "InternalFailureException" });
    await expect(transcriber().transcribe(recording("ielts-refused-part-1"))).rejects.toThrow(
      TranscriptionFailedError,
    );
    const outage = await transcriber()
      .transcribe(recording("ielts-outage-part-1"))
      .catch((e: unknown) => e);
    expect(outage).not.toBeInstanceOf(TranscriptionFailedError);
    expect((outage as Error).name).toBe("InternalFailureException");
  });

  it("waits for a slow job with growing pauses between polls", async () => {
    fake.otherwise({ kind: "transcript", text: "It took a while.", pollsUntilDone: 4 });
    const heard = await transcriber().transcribe(recording("ielts-d-part-3"));
    expect(heard.text).toBe("It took a while.");
    expect(waits).toEqual([1_000, 1_500, 2_250, 3_375, 4_000]);
  });

  it("gives a job that outlasts the wait back for a retry, which finds it by name and pays once", async () => {
    fake.otherwise({ kind: "transcript", text: "Finally done.", pollsUntilDone: 50 });
    await expect(
      createTranscriber({
        client: createTranscribeClient({ endpoint: fake.url, region: "eu-west-2" }),
        pollMs: 20,
        maxWaitMs: 200,
      }).transcribe(recording("ielts-e-part-1")),
    ).rejects.toThrow(TranscriptionPendingError);

    fake.jobs.get("ielts-e-part-1")!.polls = 50;
    const heard = await transcriber().transcribe(recording("ielts-e-part-1"));
    expect(heard.text).toBe("Finally done.");
    expect(fake.starts()).toBe(2);
    expect(fake.jobs.size).toBe(1);
  });
});

describe("speechToTextFromEnv", () => {
  it("is off unless SPEECH_TO_TEXT=transcribe, and refuses unknown names and non-English variants", () => {
    expect(speechToTextFromEnv({})).toBeNull();
    expect(speechToTextFromEnv({ SPEECH_TO_TEXT: "transcribe" })?.name).toBe("transcribe");
    expect(() => speechToTextFromEnv({ SPEECH_TO_TEXT: "whisper" })).toThrow(/unknown/);
    expect(() =>
      speechToTextFromEnv({ SPEECH_TO_TEXT: "transcribe", TRANSCRIBE_LANGUAGE: "fr-FR" }),
    ).toThrow(/English/);
  });
});
