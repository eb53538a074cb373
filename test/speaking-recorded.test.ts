import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createGeminiProvider } from "../src/ai/gemini";
import { createLocalProvider } from "../src/ai/local";
import {
  NO_LISTENER_REASON,
  NOTHING_HEARD_MESSAGE,
  NOT_HEARD_REASON,
  scoreAssessment,
} from "../src/assessments/score";
import { createAssessment, getAssessment } from "../src/data/assessments";
import { getAudioStore } from "../src/data/audio-store";
import type { SpeakingPartAnswer } from "../src/domain/assessment";
import { answerCloudAudioConsent } from "../src/privacy/consent";
import { modelAnswer } from "./ai/helpers";
import { startFakeGemini, type FakeGemini } from "./fakes/gemini-server";
import { tinyWav } from "./support/audio";

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
let fake: FakeGemini;

beforeAll(async () => {
  fake = await startFakeGemini();
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

describe("recorded Speaking answers without a transcript", () => {
  it("offline, leaves a recorded part out of the bands instead of scoring it as silence", async () => {
    const typedOnly = await queuedSpeaking([PART_1]);
    const mixed = await queuedSpeaking([PART_1, await recordedPart(2)]);
    expect(await scoreAssessment(typedOnly.assessmentId, [local])).toBe("scored");
    expect(await scoreAssessment(mixed.assessmentId, [local])).toBe("scored");

    const reference = (await getAssessment(typedOnly.assessmentId))!.result!;
    const result = (await getAssessment(mixed.assessmentId))!.result!;
    expect(result.overall).toBe(reference.overall);
    expect(result.overall).toBeGreaterThan(3);
    expect(result.criteria).toEqual(reference.criteria);
    expect(result.unscoredParts).toEqual([{ part: 2, reason: NO_LISTENER_REASON }]);
  });

  it("offline, never gives a band to a test that is all recordings: it fails with the reason and keeps them", async () => {
    const part2 = await recordedPart(2);
    const assessment = await queuedSpeaking([part2, await recordedPart(3)]);
    expect(await scoreAssessment(assessment.assessmentId, [local])).toBe("failed");

    const done = (await getAssessment(assessment.assessmentId))!;
    expect(done.result).toBeUndefined();
    expect(done.failureReason).toBe(NOTHING_HEARD_MESSAGE);
    expect((await getAudioStore().load(part2.audioKey!)).bytes.length).toBe(tinyWav().length);
  });

  it("sends a recorded part only to a scorer that listens, without holding it to the offline scorer's silence", async () => {
    const gemini = createGeminiProvider({ apiKey: "test-key", baseUrl: fake.url });
    fake.script({ kind: "answer", answer: modelAnswer({ FC: 6, LR: 6, GRA: 5.5, P: 6 }) });
    const assessment = await queuedSpeaking([await recordedPart(2)]);
    expect(await scoreAssessment(assessment.assessmentId, [gemini, local])).toBe("scored");

    const result = (await getAssessment(assessment.assessmentId))!.result!;
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
    const result = (await getAssessment(assessment.assessmentId))!.result!;
    expect(result.unscoredParts).toEqual([{ part: 2, reason: NOT_HEARD_REASON }]);
    expect(result.overall).toBeGreaterThan(3);
  });
});
