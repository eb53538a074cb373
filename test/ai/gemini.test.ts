import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { scoreWithChain } from "../../src/ai/chain";
import { providersFromEnv } from "../../src/ai/config";
import { createGeminiProvider, DEFAULT_GEMINI_MODELS } from "../../src/ai/gemini";
import type { Evidence } from "../../src/ai/guards";
import { createLocalProvider, offlineEvidence } from "../../src/ai/local";
import { costUsd } from "../../src/ai/prices";
import type { ScoringProvider, ScoringRequest } from "../../src/ai/types";
import { startFakeGemini } from "../fakes/gemini-server";
import { COOKING_TRANSCRIPT, CITIES_TRANSCRIPT, task1Letter, task2Essay } from "./fixtures";
import {
  chainOptions,
  modelAnswer,
  plausibleAnswer,
  scoreWithShortTimeout,
  spoken,
} from "./helpers";
import { useFake } from "../support/fakes";

type GenerateBody = {
  systemInstruction: { parts: { text: string }[] };
  contents: {
    role: string;
    parts: { text?: string; inlineData?: { mimeType: string; data: string } }[];
  }[];
  generationConfig: {
    temperature: number;
    responseMimeType: string;
    responseSchema: { required: string[]; properties: { criteria: { required: string[] } } };
    maxOutputTokens: number;
  };
};

const { light, strong } = DEFAULT_GEMINI_MODELS;
// A second of MediaRecorder's WebM/Opus from Chromium (see src/ai/audio-format.test.ts).
const CHROME_RECORDING = new Uint8Array(
  readFileSync(new URL("../../src/ai/fixtures/chromium-recording.webm", import.meta.url)),
);
const fake = useFake(startFakeGemini);
let gemini: ScoringProvider;
const local = createLocalProvider();
let letterEvidence: Evidence;
let essayEvidence: Evidence;

beforeAll(async () => {
  gemini = createGeminiProvider({ apiKey: "test-key", baseUrl: fake.url });
  letterEvidence = await offlineEvidence(task1Letter);
  essayEvidence = await offlineEvidence(task2Essay);
});

const body = (i = 0) => fake.requests[i]?.body as GenerateBody;

/** Scores `request` down `providers` with the chain's options for its offline evidence. */
const scoreAs = (request: ScoringRequest, evidence: Evidence, providers: ScoringProvider[]) =>
  scoreWithChain(request, providers, chainOptions(evidence).options);

describe("gemini provider against the fake generateContent API", () => {
  it("scores a Task 1 letter with the light model, as JSON at temperature 0", async () => {
    fake.script({ kind: "answer", answer: plausibleAnswer(letterEvidence) });
    const { result } = await scoreAs(task1Letter, letterEvidence, [gemini, local]);

    expect(fake.models()).toEqual([light]);
    expect(result).toMatchObject({
      provider: "gemini",
      modelId: light,
      selectionReason: expect.stringMatching(/Task 1 \(general\)/),
      inputTokens: 1_500,
      outputTokens: 500,
      costUsd: costUsd(light, 1_500, 500),
    });
    expect(fake.requests[0]?.headers["x-goog-api-key"]).toBe("test-key");
    const sent = body();
    expect(sent.generationConfig).toMatchObject({
      temperature: 0,
      responseMimeType: "application/json",
    });
    expect(sent.generationConfig.responseSchema.properties.criteria.required).toEqual([
      "TA",
      "CC",
      "LR",
      "GRA",
    ]);
    const system = sent.systemInstruction.parts.map((p) => p.text).join("\n");
    expect(system).toMatch(/letter/);
    expect(system).not.toContain(
      task1Letter.kind === "writing" ? task1Letter.response.slice(0, 30) : "",
    );
    expect(sent.contents[0]?.parts[0]?.text).toContain("<student_response>");
  });

  it("scores a Task 2 essay with the strong model", async () => {
    fake.script({ kind: "answer", answer: plausibleAnswer(essayEvidence) });
    const { result } = await scoreAs(task2Essay, essayEvidence, [gemini, local]);
    expect(fake.models()).toEqual([strong]);
    expect(result.modelId).toBe(strong);
    expect(result.selectionReason).toMatch(/Task 2 essay/);
    expect(result.costUsd).toBe(costUsd(strong, 1_500, 500));
  });

  it("falls back to the strong model when the light model fails, within one try", async () => {
    fake.script(
      { kind: "status", status: 500 },
      { kind: "answer", answer: plausibleAnswer(letterEvidence) },
    );
    const { result, attempts } = await scoreAs(task1Letter, letterEvidence, [gemini, local]);
    expect(fake.models()).toEqual([light, strong]);
    expect(attempts).toHaveLength(1);
    expect(result.modelId).toBe(strong);
    expect(result.selectionReason).toMatch(/light model failed .*500.*so the strong model scored/);
  });

  it("falls back to the light model when the strong model fails", async () => {
    fake.script(
      { kind: "status", status: 503 },
      { kind: "answer", answer: plausibleAnswer(essayEvidence) },
    );
    const { result } = await scoreAs(task2Essay, essayEvidence, [gemini]);
    expect(fake.models()).toEqual([strong, light]);
    expect(result.modelId).toBe(light);
  });

  it("escalates malformed JSON from the light model to the strong model", async () => {
    fake.script(
      { kind: "text", text: "{oops" },
      { kind: "answer", answer: plausibleAnswer(letterEvidence) },
    );
    const { result } = await scoreAs(task1Letter, letterEvidence, [gemini]);
    expect(fake.models()).toEqual([light, strong]);
    expect(result.modelId).toBe(strong);
    expect(result.selectionReason).toMatch(/not JSON/);
    // Both calls were billed, the discarded one included.
    expect(result.costUsd).toBeCloseTo(costUsd(light, 1_500, 500) + costUsd(strong, 1_500, 500), 9);
  });

  it("records what two unusable answers cost when both models fail", async () => {
    fake.script({ kind: "text", text: "{oops" }, { kind: "text", text: "not json either" });
    const { attempts } = await scoreWithChain(task1Letter, [gemini, local], {
      ...chainOptions(letterEvidence).options,
      attempts: 1,
    });
    expect(attempts.map((a) => `${a.provider}:${a.ok}`)).toEqual(["gemini:false", "local:true"]);
    expect(attempts[0]?.billed).toMatchObject({ inputTokens: 3_000, outputTokens: 1_000 });
    expect(attempts[0]?.billed?.costUsd).toBeCloseTo(
      costUsd(light, 1_500, 500) + costUsd(strong, 1_500, 500),
      9,
    );
  });

  it("escalates an uncertain light answer: low confidence or criteria far apart", async () => {
    const b = letterEvidence.overall;
    fake.script(
      { kind: "answer", answer: plausibleAnswer(letterEvidence, { confidence: "low" }) },
      { kind: "answer", answer: plausibleAnswer(letterEvidence) },
      { kind: "answer", answer: modelAnswer({ TA: b - 1.5, CC: b + 1.5, LR: b, GRA: b }) },
      { kind: "answer", answer: plausibleAnswer(letterEvidence) },
    );
    const first = await scoreAs(task1Letter, letterEvidence, [gemini]);
    expect(first.result.selectionReason).toMatch(
      /escalated because the light model reported low confidence/,
    );
    const second = await scoreAs(task1Letter, letterEvidence, [gemini]);
    expect(second.result.selectionReason).toMatch(
      /escalated because its criteria were 3 bands apart/,
    );
    expect(fake.models()).toEqual([light, strong, light, strong]);
  });

  it("keeps an uncertain light answer when the strong model fails", async () => {
    fake.script(
      { kind: "answer", answer: plausibleAnswer(letterEvidence, { confidence: "low" }) },
      { kind: "status", status: 500 },
    );
    const { result } = await scoreAs(task1Letter, letterEvidence, [gemini]);
    expect(result.modelId).toBe(light);
    expect(result.flags).toContain("low-confidence");
    expect(result.selectionReason).toMatch(/light answer stands/);
  });

  it("retries throttling of both models with backoff, then falls back to the offline scorer", async () => {
    fake.otherwise({ kind: "status", status: 429 });
    const { options, sleeps } = chainOptions(letterEvidence, { random: () => 1 });
    const { result, attempts } = await scoreWithChain(task1Letter, [gemini, local], options);
    expect(fake.models()).toEqual([light, strong, light, strong]);
    expect(sleeps).toEqual([250]);
    expect(attempts.map((a) => a.error?.split(":")[0])).toEqual([
      "throttled",
      "throttled",
      undefined,
    ]);
    expect(result.provider).toBe("local");
  });

  it("aborts a hanging call at the timeout", async () => {
    fake.otherwise({ kind: "hang" });
    const { result, attempts, elapsedMs } = await scoreWithShortTimeout(
      task1Letter,
      letterEvidence,
      [gemini, local],
    );
    expect(elapsedMs).toBeLessThan(3_000);
    expect(fake.models()).toEqual([light]);
    expect(attempts[0]?.error).toMatch(/^timeout/);
    expect(result.provider).toBe("local");
  });

  it("reports blocked output as refused and moves on", async () => {
    fake.script(
      { kind: "text", text: "", finishReason: "SAFETY" },
      { kind: "text", text: "", finishReason: "SAFETY" },
    );
    const { options, events } = chainOptions(letterEvidence);
    const { result } = await scoreWithChain(task1Letter, [gemini, local], options);
    expect(result.provider).toBe("local");
    expect(events).toEqual([
      { kind: "refused-output", detail: "stopped: SAFETY", provider: "gemini" },
    ]);
  });

  it("sends Chrome's WebM recording as Ogg (a documented format), asks for pronunciation and prices audio", async () => {
    const speaking = spoken(3, "academic", "Why do people move to cities?", CITIES_TRANSCRIPT, {
      mimeType: "audio/webm;codecs=opus",
      data: CHROME_RECORDING,
    });
    const speakingEvidence = await offlineEvidence(speaking);
    const usage = {
      promptTokenCount: 1_000,
      candidatesTokenCount: 300,
      promptTokensDetails: [
        { modality: "TEXT" as const, tokenCount: 700 },
        { modality: "AUDIO" as const, tokenCount: 300 },
      ],
    };
    fake.script({
      kind: "answer",
      answer: modelAnswer({ FC: 6, LR: 6, GRA: 6, P: 6.5 }, { quote: "the main reason is work" }),
      usage,
    });
    const { result } = await scoreAs(speaking, speakingEvidence, [gemini, local]);
    expect(fake.models()).toEqual([strong]);
    expect(result.criteria).toEqual({ FC: 6, LR: 6, GRA: 6, P: 6.5 });
    expect(result.highlights[0]).toMatchObject({ start: 14, end: 37 });
    const sent = body();
    const inline = sent.contents[0]?.parts[1]?.inlineData;
    expect(inline?.mimeType).toBe("audio/ogg");
    expect(Buffer.from(inline!.data, "base64").subarray(0, 4).toString()).toBe("OggS");
    // 300 of the 1,000 input tokens were audio, billed at the audio rate ($1 a million).
    expect(result.costUsd).toBeCloseTo(costUsd(strong, 1_000, 300) + (300 * (1 - 0.3)) / 1e6, 9);
    expect(sent.generationConfig.responseSchema.properties.criteria.required).toEqual([
      "FC",
      "LR",
      "GRA",
      "P",
    ]);
  });

  it("scores a Safari MP4 recording from its transcript, without Pronunciation, and refuses one with no transcript", async () => {
    const typed = spoken(1, "general", "Do you like cooking?", COOKING_TRANSCRIPT, {
      mimeType: "audio/mp4",
      data: new Uint8Array([0, 0, 0, 24, 102, 116, 121, 112]),
    });
    fake.script({ kind: "answer", answer: modelAnswer({ FC: 6, LR: 6, GRA: 6 }) });
    const { result } = await scoreWithChain(
      typed,
      [gemini, local],
      chainOptions(await offlineEvidence(typed)).options,
    );
    expect(result.provider).toBe("gemini");
    expect(result.criteria).toEqual({ FC: 6, LR: 6, GRA: 6 });
    const sent = body();
    expect(sent.contents[0]?.parts.some((part) => part.inlineData)).toBe(false);
    expect(sent.generationConfig.responseSchema.properties.criteria.required).toEqual([
      "FC",
      "LR",
      "GRA",
    ]);

    fake.reset();
    await expect(
      gemini.score({ ...typed, transcript: "" }, new AbortController().signal),
    ).rejects.toMatchObject({
      kind: "rejected",
    });
    expect(fake.requests).toHaveLength(0);
  });

  it("is reached through providersFromEnv with GEMINI_BASE_URL", async () => {
    fake.script({ kind: "answer", answer: plausibleAnswer(letterEvidence) });
    const providers = providersFromEnv({ GEMINI_API_KEY: "env-key", GEMINI_BASE_URL: fake.url });
    expect(providers.map((p) => p.name)).toEqual(["gemini", "local"]);
    const { result } = await scoreWithChain(
      task1Letter,
      providers,
      chainOptions(letterEvidence).options,
    );
    expect(result.provider).toBe("gemini");
    expect(fake.requests[0]?.headers["x-goog-api-key"]).toBe("env-key");
  });
});
