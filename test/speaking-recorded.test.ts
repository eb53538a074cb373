import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createGeminiProvider } from "../src/ai/gemini";
import { createLocalProvider } from "../src/ai/local";
import {
  createTranscribeClient,
  createTranscriber,
  TranscriptionPendingError,
} from "../src/ai/transcribe";
import { dailyCosts } from "../src/assessments/costs";
import {
  NO_LISTENER_REASON,
  NOTHING_HEARD_MESSAGE,
  NOT_HEARD_REASON,
  scoreAssessment,
} from "../src/assessments/score";
import { createAssessment } from "../src/data/assessments";
import { releaseStuck } from "../src/data/assessment-transitions";
import { getAudioStore } from "../src/data/audio-store";
import type { SpeakingPartAnswer } from "../src/domain/assessment";
import { answerCloudAudioConsent } from "../src/privacy/consent";
import { modelAnswer } from "./ai/helpers";
import { startFakeGemini } from "./fakes/gemini-server";
import { startFakeTranscribe } from "./fakes/transcribe-server";
import { tinyWav } from "./support/audio";
import { useFake } from "./support/fakes";
import { storedScored } from "./support/assessments";

const PART_1: SpeakingPartAnswer = {
  part: 1,
  questions: ["Do you work or are you a student?", "What do you enjoy about your studies?"],
  transcript:
    "I'm a student at the moment. I study civil engineering at a university in my home city, and what I enjoy most is the practical side, because we visit building sites and see how the theory we learn is actually used. It can be tiring, but I find it really rewarding.",
};

async function recordedPart(part: 1 | 2 | 3): Promise<SpeakingPartAnswer> {
  const audioKey = `audio/test/${randomUUID()}/part-${part}.wav`;
  await getAudioStore().save(audioKey, tinyWav(), "audio/wav");
  return {
    part,
    questions: ["Describe a place you like to visit."],
    transcript: "",
    audioKey,
    audioMimeType: "audio/wav",
  };
}

// The student agreed to recordings going to a cloud model: test/privacy.test.ts covers the
// other case.
async function queuedSpeaking(parts: SpeakingPartAnswer[]) {
  const userId = randomUUID();
  await answerCloudAudioConsent({ userId }, { decision: "given" });
  return createAssessment({
    userId,
    skill: "speaking",
    status: "queued",
    submission: { kind: "speaking", module: "academic", setId: "s-test", parts },
  });
}

const local = createLocalProvider();
const fake = useFake(startFakeGemini);
const transcribe = useFake(startFakeTranscribe);

describe("recorded Speaking answers without a transcript", () => {
  it("offline, leaves a recorded part out of the bands instead of scoring it as silence", async () => {
    const typedOnly = await queuedSpeaking([PART_1]);
    const mixed = await queuedSpeaking([PART_1, await recordedPart(2)]);
    expect(await scoreAssessment(typedOnly.assessmentId, [local])).toBe("scored");
    expect(await scoreAssessment(mixed.assessmentId, [local])).toBe("scored");

    const reference = (await storedScored(typedOnly.assessmentId)).result!;
    const result = (await storedScored(mixed.assessmentId)).result!;
    expect(result.overall).toBe(reference.overall);
    expect(result.overall).toBeGreaterThan(3);
    expect(result.criteria).toEqual(reference.criteria);
    expect(result.unscoredParts).toEqual([{ part: 2, reason: NO_LISTENER_REASON }]);
  });

  it("offline, never gives a band to a test that is all recordings: it fails with the reason and keeps them", async () => {
    const part2 = await recordedPart(2);
    const assessment = await queuedSpeaking([part2, await recordedPart(3)]);
    expect(await scoreAssessment(assessment.assessmentId, [local])).toBe("failed");

    const done = await storedScored(assessment.assessmentId);
    expect(done.result).toBeUndefined();
    expect(done.failureReason).toBe(NOTHING_HEARD_MESSAGE);
    expect((await getAudioStore().load(part2.audioKey!)).bytes.length).toBe(tinyWav().length);
  });

  it("sends a recorded part only to a scorer that listens, without holding it to the offline scorer's silence", async () => {
    const gemini = createGeminiProvider({ apiKey: "test-key", baseUrl: fake.url });
    fake.script({ kind: "answer", answer: modelAnswer({ FC: 6, LR: 6, GRA: 5.5, P: 6 }) });
    const assessment = await queuedSpeaking([await recordedPart(2)]);
    expect(await scoreAssessment(assessment.assessmentId, [gemini, local])).toBe("scored");

    const result = (await storedScored(assessment.assessmentId)).result!;
    expect(result.provider).toBe("gemini");
    expect(result.criteria).toEqual({ FC: 6, LR: 6, GRA: 5.5, P: 6 });
    expect(result.flags).not.toContain("no-speech");
    const body = fake.requests[0]?.body as { contents: { parts: { inlineData?: unknown }[] }[] };
    expect(body.contents.flatMap((c) => c.parts).some((p) => p.inlineData)).toBe(true);
  });

  it("when the listening scorer fails, leaves the recorded part unscored rather than falling back to silence", async () => {
    const gemini = createGeminiProvider({ apiKey: "test-key", baseUrl: fake.url });
    fake.otherwise({ kind: "status", status: 400, message: "bad audio" });
    const assessment = await queuedSpeaking([PART_1, await recordedPart(2)]);
    expect(
      await scoreAssessment(assessment.assessmentId, [gemini, local], {
        timeoutMs: 5_000,
        attempts: 1,
      }),
    ).toBe("scored");
    const result = (await storedScored(assessment.assessmentId)).result!;
    expect(result.unscoredParts).toEqual([{ part: 2, reason: NOT_HEARD_REASON }]);
    expect(result.overall).toBeGreaterThan(3);
  });
});

const SAID = {
  1: "Well, I'm a student at the moment. I study civil engineering at a university in my home city, and what I enjoy most is the practical side, because we visit building sites and see how the theory is actually used.",
  2: "I'd like to describe a market near my grandmother's house, which I have visited since I was a small child. It is an old covered market in the centre of the town, and on Saturday mornings it is full of farmers selling vegetables, cheese and fresh bread. What I love about it is the atmosphere, because everyone seems to know each other and the traders are always chatting and joking with their customers. When I was younger my grandmother used to take me there every weekend, and she would let me choose a piece of fruit as a treat. Nowadays I go there whenever I visit her, and although some of the stalls have changed, the place still feels the same. I think it matters to me because it reminds me of my childhood and of the time I spent with her.",
  3: "I think people value local markets because they offer something that supermarkets cannot, which is a personal connection. On the other hand, markets are often more expensive, so many families with limited budgets prefer to shop in large stores. In my opinion, the government should support small traders, for example by lowering rents.",
} as const;

/** Speech to text against the fake Transcribe, with short polls so slow jobs take milliseconds. */
function fakeTranscriber(maxWaitMs = 5_000) {
  return createTranscriber({
    client: createTranscribeClient({ endpoint: transcribe.url, region: "eu-west-2" }),
    pollMs: 10,
    maxWaitMs,
  });
}

describe("recorded Speaking answers with Amazon Transcribe", () => {
  it("transcribes every recorded part, keeps the transcripts, and scores every part", async () => {
    for (const part of [1, 2, 3] as const) {
      transcribe.plan(`part-${part}`, { kind: "transcript", text: SAID[part], pauseAfter: 12 });
    }
    const parts = [await recordedPart(1), await recordedPart(2), await recordedPart(3)];
    const assessment = await queuedSpeaking(parts);
    const outcome = await scoreAssessment(
      assessment.assessmentId,
      [local],
      undefined,
      fakeTranscriber(),
    );
    expect(outcome).toBe("scored");

    const done = await storedScored(assessment.assessmentId);
    const result = done.result!;
    expect(result.unscoredParts).toBeUndefined();
    expect(result.overall).toBeGreaterThan(4);
    // Word confidences are evidence of Pronunciation; timings turn on rate and pauses.
    expect(Object.keys(result.criteria).sort()).toEqual(["FC", "GRA", "LR", "P"]);
    expect(result.flags).not.toContain("no-timings");
    expect(result.feedback.summary).toMatch(/Part 1: .*Part 2: .*Part 3: /);
    if (done.submission.kind !== "speaking") throw new Error("not speaking");
    for (const answer of done.submission.parts) {
      expect(answer.transcript).toBe("");
      expect(answer.recognised?.text).toBe(SAID[answer.part]);
      expect(answer.recognised?.words.length).toBeGreaterThan(30);
    }
    // The jobs read the stored recordings, in the recorded format and British English.
    const starts = transcribe.requests.filter(
      (r) => r.headers["x-amz-target"] === "Transcribe.StartTranscriptionJob",
    );
    // Started together, so in no particular order.
    expect(
      starts.map((r) => (r.body as { Media: { MediaFileUri: string } }).Media.MediaFileUri).sort(),
    ).toEqual(parts.map((p) => getAudioStore().mediaUri(p.audioKey!)).sort());
    expect(starts.every((r) => (r.body as { LanguageCode: string }).LanguageCode === "en-GB")).toBe(
      true,
    );
    // Each transcription is priced and counted in the day's spend.
    const transcriptions = done.attempts!.filter((a) => a.provider === "transcribe");
    expect(transcriptions).toHaveLength(3);
    const transcribed = transcriptions.reduce((n, a) => n + a.billed!.costUsd, 0);
    expect(transcribed).toBeGreaterThan(0);
    expect(dailyCosts([done])[0]!.costUsd).toBeCloseTo(transcribed + result.costUsd, 9);
  });

  it("leaves out a part whose transcription job failed, with the reason, and scores the rest", async () => {
    transcribe.plan("part-1", { kind: "transcript", text: SAID[1] });
    transcribe.plan("part-2", { kind: "fail", reason: "Unsupported audio." });
    const assessment = await queuedSpeaking([await recordedPart(1), await recordedPart(2)]);
    expect(
      await scoreAssessment(assessment.assessmentId, [local], undefined, fakeTranscriber()),
    ).toBe("scored");
    const done = await storedScored(assessment.assessmentId);
    expect(done.result!.unscoredParts).toEqual([{ part: 2, reason: NOT_HEARD_REASON }]);
    expect(done.result!.overall).toBeGreaterThan(3);
    expect(done.attempts).toContainEqual(
      expect.objectContaining({
        provider: "transcribe",
        ok: false,
        error: expect.stringMatching(/Unsupported audio/),
      }),
    );
  });

  it("keeps the parts already transcribed when a job is slow, and the retry transcribes only the rest", async () => {
    transcribe.plan("part-1", { kind: "transcript", text: SAID[1] });
    transcribe.plan("part-3", { kind: "transcript", text: SAID[3], pollsUntilDone: 1_000 });
    const assessment = await queuedSpeaking([await recordedPart(1), await recordedPart(3)]);
    await expect(
      scoreAssessment(assessment.assessmentId, [local], undefined, fakeTranscriber(300)),
    ).rejects.toThrow(TranscriptionPendingError);

    // Left in `scoring` for the sweeper, with Part 1's transcript saved.
    const waiting = await storedScored(assessment.assessmentId);
    expect(waiting.status).toBe("scoring");
    if (waiting.submission.kind !== "speaking") throw new Error("not speaking");
    expect(waiting.submission.parts.map((p) => p.recognised?.text)).toEqual([SAID[1], undefined]);

    transcribe.jobs.get(`ielts-${assessment.assessmentId}-part-3`)!.polls = 1_000;
    await releaseStuck(assessment.assessmentId);
    transcribe.requests.length = 0;
    expect(
      await scoreAssessment(assessment.assessmentId, [local], undefined, fakeTranscriber()),
    ).toBe("scored");
    const starts = transcribe.requests.filter(
      (r) => r.headers["x-amz-target"] === "Transcribe.StartTranscriptionJob",
    );
    expect(
      starts.map((r) => (r.body as { TranscriptionJobName: string }).TranscriptionJobName),
    ).toEqual([`ielts-${assessment.assessmentId}-part-3`]);
    expect(transcribe.jobs.size).toBe(2);
    expect((await storedScored(assessment.assessmentId)).result!.unscoredParts).toBeUndefined();
  });
});
