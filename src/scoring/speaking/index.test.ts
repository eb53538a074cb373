import { describe, expect, it } from "vitest";
import { isHalfBand } from "../bands";
import { scoreSpeaking, speakingInputSchema, type WordTiming } from "./index";

// Transcripts written for these tests.
const FLUENT = `I'd like to talk about a journey I took to the mountains in the north of my country a few years ago. I went there with two close friends from university, and we travelled by train, which took almost nine hours. Although the trip was exhausting, the scenery was absolutely breathtaking: we passed through valleys, forests and tiny villages that seemed untouched by modern life. What made it memorable, however, was not only the landscape but also the people we met. For instance, an elderly farmer invited us into his home and insisted on cooking dinner for us, even though we were complete strangers. As a result, I realised how generous people can be when you least expect it. If I had the chance, I would definitely go back, because I feel that journey changed the way I see hospitality.`;

const HESITANT = `Um, my hometown, it is, um, small. Like, it is, uh, near the sea. The the people is friendly and, um, I like it. Uh, there is, like, many shop and, um, many restaurant. I I go to the beach, um, every weekend with my my family. It is good.`;

/** Word timings for a transcript at `rate` words a minute, with a silence before every `gapEvery`th word. */
function timeTranscript(
  transcript: string,
  rate: number,
  gapEvery = 0,
  gap = 0,
  confidence?: number,
): WordTiming[] {
  const step = 60 / rate;
  let clock = 0;
  return transcript
    .split(/\s+/)
    .filter(Boolean)
    .map((word, i) => {
      if (gapEvery && i > 0 && i % gapEvery === 0) clock += gap;
      const timing: WordTiming = { word, start: clock, end: clock + step * 0.8 };
      if (confidence !== undefined) timing.confidence = confidence;
      clock += step;
      return timing;
    });
}

describe("scoreSpeaking", () => {
  it("scores a fluent, well-linked long turn higher than a hesitant one on every criterion", async () => {
    const fluent = await scoreSpeaking({ transcript: FLUENT, part: 2 });
    const hesitant = await scoreSpeaking({ transcript: HESITANT, part: 1 });
    expect(fluent.overall).toBeGreaterThanOrEqual(7);
    expect(hesitant.overall).toBeLessThanOrEqual(6);
    expect(fluent.criteria.FC).toBeGreaterThan(hesitant.criteria.FC);
    expect(fluent.criteria.LR).toBeGreaterThan(hesitant.criteria.LR);
    expect(fluent.criteria.GRA).toBeGreaterThan(hesitant.criteria.GRA);
    for (const result of [fluent, hesitant]) {
      expect(isHalfBand(result.overall)).toBe(true);
      for (const band of [result.criteria.FC, result.criteria.LR, result.criteria.GRA]) {
        expect(isHalfBand(band)).toBe(true);
      }
    }
  });

  it("says pronunciation was not assessed when there is only a transcript", async () => {
    const result = await scoreSpeaking({ transcript: FLUENT });
    expect(result.criteria.P).toBeNull();
    expect(result.pronunciationAssessed).toBe(false);
    expect(result.feedback.points.join(" ")).toMatch(/Pronunciation was not assessed/);
    expect(result.feedback.summary).toMatch(/Pronunciation not assessed/);
    const { FC, LR, GRA } = result.criteria;
    expect(result.overall).toBe(Math.floor(((FC + LR + GRA) / 3) * 2 + 0.5) / 2);
  });

  it("estimates FC from the transcript only, and says so, without timings", async () => {
    const result = await scoreSpeaking({ transcript: FLUENT, part: 2 });
    expect(result.flags).toContain("no-timings");
    expect(result.features.timing).toBeNull();
    expect(result.criteria.FC).toBeLessThanOrEqual(7.5);
    expect(result.feedback.points.join(" ")).toMatch(
      /Fluency and Coherence is estimated from the transcript only/,
    );
  });

  it("reports fillers and repetitions with counts the student can check", async () => {
    const result = await scoreSpeaking({ transcript: HESITANT, part: 1 });
    expect(result.features.fillers.total).toBe(9);
    expect(result.features.repeated).toEqual(["the", "i", "my"]);
    const points = result.feedback.points.join("\n");
    expect(points).toMatch(/You used 9 fillers in 50 words \("um" x5/);
    expect(points).toMatch(/repeated words or phrases 3 times/);
    expect(points).toMatch(/holds your band down most/);
  });

  it("uses speech rate and pauses when timings exist", async () => {
    const brisk = await scoreSpeaking({
      transcript: FLUENT,
      part: 2,
      timings: timeTranscript(FLUENT, 150),
    });
    const halting = await scoreSpeaking({
      transcript: FLUENT,
      part: 2,
      timings: timeTranscript(FLUENT, 70, 4, 2.5),
    });
    expect(brisk.flags).not.toContain("no-timings");
    expect(brisk.features.timing?.speechRate).toBeGreaterThan(140);
    expect(halting.features.timing?.longPauses).toBeGreaterThan(20);
    expect(brisk.criteria.FC).toBeGreaterThan(halting.criteria.FC);
    expect(halting.criteria.FC).toBeLessThanOrEqual(5.5);
    expect(halting.feedback.points.join(" ")).toMatch(/words a minute/);
    expect(halting.feedback.points.join(" ")).toMatch(/over two seconds/);
  });

  it("assesses pronunciation from recogniser confidences or acoustic evidence", async () => {
    const clear = await scoreSpeaking({
      transcript: FLUENT,
      timings: timeTranscript(FLUENT, 140, 0, 0, 0.95),
    });
    const unclear = await scoreSpeaking({
      transcript: FLUENT,
      acoustic: { pronunciationConfidence: 0.55 },
    });
    expect(clear.pronunciationAssessed).toBe(true);
    expect(clear.criteria.P).toBeGreaterThanOrEqual(8);
    expect(unclear.criteria.P).toBeLessThanOrEqual(4.5);
    expect(unclear.feedback.points.join(" ")).toMatch(/speech recognition/);
  });

  it("gives a very short answer low bands and a flag", async () => {
    const result = await scoreSpeaking({
      transcript: "Yes, I like my town because it is quiet.",
      part: 1,
    });
    expect(result.flags).toContain("too-short");
    expect(result.overall).toBeLessThanOrEqual(3);
    expect(
      Math.max(result.criteria.FC, result.criteria.LR, result.criteria.GRA),
    ).toBeLessThanOrEqual(3);
    expect(result.feedback.points[0]).toMatch(/only 9 words/);
  });

  it("does not let fillers make up the length", async () => {
    const result = await scoreSpeaking({ transcript: `${"um, ".repeat(25)}I like it.` });
    expect(result.features.words).toBeGreaterThan(20);
    expect(result.flags).toContain("too-short");
    expect(result.overall).toBeLessThanOrEqual(2);
  });

  it("flags a Part 2 long turn that stops far short and caps fluency", async () => {
    const transcript = FLUENT.split(". ").slice(0, 3).join(". ") + ".";
    const result = await scoreSpeaking({ transcript, part: 2 });
    expect(result.flags).toContain("short-long-turn");
    expect(result.criteria.FC).toBeLessThanOrEqual(5);
  });

  it("flags speech that is not English", async () => {
    const result = await scoreSpeaking({
      transcript:
        "Ich wohne seit vielen Jahren in einer kleinen Stadt am Meer, und die Leute dort sind sehr freundlich und hilfsbereit, besonders im Sommer wenn viele Touristen kommen.",
    });
    expect(result.flags).toContain("not-english");
    expect(result.overall).toBeLessThanOrEqual(2);
    expect(result.feedback.points.join(" ")).not.toMatch(/holds your band down/);
  });

  it("gives band 0 when nothing was said", async () => {
    const result = await scoreSpeaking({ transcript: "um uh" });
    expect(result).toMatchObject({
      overall: 0,
      flags: ["no-speech"],
      pronunciationAssessed: false,
    });
    expect(result.criteria.P).toBeNull();
  });
});

describe("speakingInputSchema", () => {
  it("rejects timings that end before they start and unknown parts", () => {
    expect(
      speakingInputSchema.safeParse({
        transcript: "hi",
        timings: [{ word: "hi", start: 2, end: 1 }],
      }).success,
    ).toBe(false);
    expect(speakingInputSchema.safeParse({ transcript: "hi", part: 4 }).success).toBe(false);
    expect(speakingInputSchema.safeParse({ transcript: "hi", part: 2 }).success).toBe(true);
  });
});
