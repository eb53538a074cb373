import type { ScoringResult } from "../domain/result";
import { describe, expect, it } from "vitest";
import { checkPlausibility, validateAndClamp, type Evidence } from "./guards";
import type { ScoringRequest } from "./types";
import { scoringResult } from "../../test/support/results";

const essay: ScoringRequest = {
  kind: "writing",
  task: 2,
  module: "academic",
  prompt: "Discuss both views.",
  response: "Their is many reason why peoples works from home. It save time.",
};

const speaking: ScoringRequest = {
  kind: "speaking",
  part: 1,
  module: "academic",
  questions: ["Do you work or study?"],
  transcript: "I am studying engineering at university.",
};

function answer(criteria: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return {
    criteria,
    feedback: {
      summary: "A short answer with frequent errors.",
      points: [
        { criterion: "GRA", kind: "improve", text: "Check subject-verb agreement." },
        { criterion: "overall", kind: "improve", text: "Not a criterion: dropped." },
      ],
    },
    highlights: [
      { quote: "Their is", kind: "grammar", message: "Use 'There are'.", suggestion: "There are" },
      { quote: "not in the text", kind: "grammar", message: "Dropped." },
      { quote: "it save", kind: "grammar", message: "Third person -s.", suggestion: "It saves" },
    ],
    confidence: "high",
    ...extra,
  };
}

const writingBands = { TR: 5, CC: 5.5, LR: 5, GRA: 4.5 };

describe("validateAndClamp", () => {
  it("accepts a valid answer, recomputes overall and locates the quoted errors", () => {
    const result = validateAndClamp(answer(writingBands, { overall: 9 }), essay);
    expect(result).toMatchObject({ ok: true, value: { criteria: writingBands, overall: 5 } });
    if (!result.ok) return;
    expect(result.value.feedback.points.map((p) => p.criterion)).toEqual(["GRA"]);
    expect(result.value.highlights).toEqual([
      { start: 0, end: 8, kind: "grammar", message: "Use 'There are'.", suggestion: "There are" },
      { start: 50, end: 57, kind: "grammar", message: "Third person -s.", suggestion: "It saves" },
    ]);
    expect(essay.response.slice(50, 57)).toBe("It save");
  });

  it("parses JSON text, with or without a Markdown fence", () => {
    const json = JSON.stringify(answer(writingBands));
    expect(validateAndClamp(json, essay).ok).toBe(true);
    expect(validateAndClamp("```json\n" + json + "\n```", essay).ok).toBe(true);
  });

  it("rejects malformed JSON and answers missing a criterion", () => {
    expect(validateAndClamp('{"criteria": {"TR": 6', essay)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/not JSON/),
    });
    const { GRA: _gra, ...three } = writingBands;
    expect(validateAndClamp(answer(three), essay)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/criteria\.GRA/),
    });
    expect(validateAndClamp(answer({ ...writingBands, TR: "six" }), essay).ok).toBe(false);
  });

  it("puts in-range bands on the half-band grid", () => {
    const result = validateAndClamp(answer({ TR: 6.3, CC: 6.25, LR: 5.74, GRA: 7 }), essay);
    expect(result).toMatchObject({ ok: true, value: { criteria: { TR: 6.5, CC: 6.5, LR: 5.5 } } });
  });

  it.each([10, -1, 75, 9.5])("rejects a band of %d rather than clamping it", (band) => {
    expect(validateAndClamp(answer({ ...writingBands, LR: band }), essay)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/outside 0-9/),
    });
  });

  it("asks for TA on Task 1 and TR on Task 2", () => {
    const task1 = { ...essay, task: 1 as const };
    expect(validateAndClamp(answer(writingBands), task1).ok).toBe(false);
    expect(validateAndClamp(answer({ ...writingBands, TR: undefined, TA: 5 }), task1).ok).toBe(
      true,
    );
  });

  it("scores pronunciation only when there was a recording", () => {
    const bands = { FC: 6, LR: 6, GRA: 5.5, P: 8 };
    const noAudio = validateAndClamp(answer(bands), speaking);
    expect(noAudio).toMatchObject({ ok: true, value: { overall: 6 } });
    if (noAudio.ok) expect(noAudio.value.criteria).not.toHaveProperty("P");

    const withAudio = { ...speaking, audio: { mimeType: "audio/webm", data: new Uint8Array() } };
    expect(validateAndClamp(answer(bands), withAudio)).toMatchObject({
      ok: true,
      value: { criteria: { P: 8 }, overall: 6.5 },
    });
    const { P: _p, ...withoutP } = bands;
    expect(validateAndClamp(answer(withoutP), withAudio).ok).toBe(false);
  });
});

function scored(criteria: Record<string, number>, overall: number): ScoringResult {
  return scoringResult(criteria, overall, {
    provider: "bedrock",
    modelId: "amazon.nova-micro-v1:0",
    latencyMs: 0,
  });
}

const evidence = (over: Partial<Evidence>): Evidence => ({
  kind: "writing",
  overall: 6,
  criteria: { TR: 6, CC: 6, LR: 6, GRA: 6 },
  flags: [],
  words: 280,
  ...over,
});

describe("checkPlausibility", () => {
  it("accepts an answer near the offline estimate", () => {
    expect(
      checkPlausibility(scored({ TR: 7, CC: 7.5, LR: 8, GRA: 7.5 }, 7.5), evidence({})),
    ).toEqual({ ok: true });
  });

  it("rejects an overall more than two bands from the offline estimate", () => {
    expect(
      checkPlausibility(scored({ TR: 8.5, CC: 8.5, LR: 8.5, GRA: 8 }, 8.5), evidence({})),
    ).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/2\.5 bands from the offline estimate 6/),
    });
  });

  it("holds a response of 20 words or fewer to band 1", () => {
    const tiny = evidence({ words: 20, overall: 1, criteria: { TR: 1, CC: 1, LR: 1, GRA: 1 } });
    expect(checkPlausibility(scored({ TR: 1, CC: 1, LR: 1, GRA: 1 }, 1), tiny).ok).toBe(true);
    expect(checkPlausibility(scored({ TR: 1, CC: 1, LR: 2, GRA: 1 }, 1.5), tiny)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/20 words can only be band 1/),
    });
  });

  it("applies the offline scorer's gates to the criteria they govern", () => {
    const gated = (flag: string, overall: number, criteria: Record<string, number>) =>
      evidence({ flags: [flag], overall, criteria });
    const refused = (reason: string) => ({ ok: false, reason });
    const short = gated("under-length", 5, { TR: 4, CC: 5.5, LR: 5.5, GRA: 5 });
    expect(checkPlausibility(scored({ TR: 4, CC: 6.5, LR: 6.5, GRA: 6 }, 6), short).ok).toBe(true);
    expect(checkPlausibility(scored({ TR: 5, CC: 6, LR: 6, GRA: 6 }, 6), short)).toMatchObject(
      refused('TR 5 is above 4, the limit under "under-length"'),
    );
    const salad = gated("word-salad", 2, { TR: 2, CC: 2, LR: 2, GRA: 2 });
    expect(checkPlausibility(scored({ TR: 2, CC: 2, LR: 2.5, GRA: 2 }, 2), salad).ok).toBe(false);
    // A Task 1 report quoting no figures: the model may not rate Task Achievement above it.
    const noData = gated("no-data", 5.5, { TA: 5, CC: 6, LR: 6, GRA: 5.5 });
    expect(checkPlausibility(scored({ TA: 5, CC: 7, LR: 6.5, GRA: 6 }, 6), noData).ok).toBe(true);
    expect(checkPlausibility(scored({ TA: 6, CC: 6, LR: 6, GRA: 6 }, 6), noData)).toMatchObject(
      refused('TA 6 is above 5, the limit under "no-data"'),
    );
  });

  it("limits an unassessed criterion under a whole-answer gate by the offline bands", () => {
    const tooShort = evidence({
      kind: "speaking",
      words: 12,
      flags: ["too-short"],
      overall: 3,
      criteria: { FC: 3, LR: 3, GRA: 2.5 },
    });
    expect(
      checkPlausibility(scored({ FC: 3, LR: 3, GRA: 2.5, P: 5 }, 3.5), tooShort),
    ).toMatchObject({ ok: false, reason: expect.stringMatching(/^P 5 is above 3/) });
  });
});
