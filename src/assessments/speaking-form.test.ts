import { describe, expect, it } from "vitest";
import { questionBank } from "../content/bank";
import type { SpeakingSet } from "../content/schema";
import { MAX_AUDIO_BYTES, MAX_TRANSCRIPT_CHARS, MAX_TRANSCRIPT_WORDS } from "./speaking-fields";
import { partQuestions, validateSpeakingForm, type SpeakingFormInput } from "./speaking-form";

const empty = { 1: "", 2: "", 3: "" };

function input(overrides: Partial<SpeakingFormInput>): SpeakingFormInput {
  return { intent: "submit", transcripts: empty, uploads: {}, savedAudio: [], ...overrides };
}

describe("validateSpeakingForm", () => {
  it("accepts a typed answer to one part and normalises the recorder's codec away", () => {
    const result = validateSpeakingForm(
      input({
        transcripts: { ...empty, 2: "I would like to describe a kind stranger." },
        uploads: { 1: { size: 1000, type: "audio/webm;codecs=opus" } },
      }),
    );
    expect(result).toMatchObject({ ok: true, intent: "submit", uploads: { 1: "audio/webm" } });
  });

  it("refuses a submission with no part answered, but saves an empty draft", () => {
    expect(validateSpeakingForm(input({}))).toEqual({
      ok: false,
      fieldErrors: { answers: expect.stringContaining("at least one part") },
      tooLarge: false,
    });
    expect(validateSpeakingForm(input({ intent: "save" })).ok).toBe(true);
  });

  // One 1 MB "word" passed the word limit and then broke DynamoDB's 400 KB item limit.
  it("bounds a transcript in characters too, and says the answer is too large", () => {
    const result = validateSpeakingForm(
      input({ intent: "save", transcripts: { ...empty, 2: "a".repeat(MAX_TRANSCRIPT_CHARS + 1) } }),
    );
    expect(result).toMatchObject({
      ok: false,
      tooLarge: true,
      fieldErrors: { "transcript-2": expect.stringContaining("20,000 characters") },
    });
  });

  it("counts a recording saved with an earlier draft as an answer", () => {
    expect(validateSpeakingForm(input({ savedAudio: [3] })).ok).toBe(true);
  });

  it("names each field that is too long, too large or not audio", () => {
    const long = "word ".repeat(MAX_TRANSCRIPT_WORDS + 1);
    const result = validateSpeakingForm(
      input({
        transcripts: { 1: long, 2: "fine", 3: "word ".repeat(MAX_TRANSCRIPT_WORDS) },
        uploads: {
          2: { size: MAX_AUDIO_BYTES + 1, type: "audio/ogg" },
          3: { size: 10, type: "image/png" },
        },
      }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors["transcript-1"]).toContain("2,000 words");
    expect(result.fieldErrors["transcript-3"]).toBeUndefined();
    expect(result.fieldErrors["audio-2"]).toContain(
      `larger than ${MAX_AUDIO_BYTES / 1024 / 1024} MB`,
    );
    expect(result.fieldErrors["audio-3"]).toContain("Choose an audio file");
  });

  it("refuses an unknown intent", () => {
    expect(validateSpeakingForm(input({ intent: "delete" })).ok).toBe(false);
  });
});

describe("partQuestions", () => {
  it("lists every question of a set in order, the cue card first in Part 2", () => {
    const set = questionBank().find((q): q is SpeakingSet => q.skill === "speaking")!;
    const questions = partQuestions(set);
    expect(questions[1]).toEqual(set.part1.flatMap((t) => t.questions));
    expect(questions[2][0]).toContain(set.part2.cueCard.topic);
    expect(questions[2][0]).toContain(set.part2.cueCard.points[0]);
    expect(questions[2].slice(1)).toEqual(set.part2.roundingOff);
    expect(questions[3]).toHaveLength(set.part3.reduce((n, t) => n + t.questions.length, 0));
  });
});
