import { describe, expect, it } from "vitest";
import { selectGeminiModel } from "./gemini";
import type { ScoringRequest } from "./types";

const writing = (task: 1 | 2, module: "academic" | "general"): ScoringRequest => ({
  kind: "writing",
  task,
  module,
  prompt: "p",
  response: "r",
});
const speaking = (part: 1 | 2 | 3): ScoringRequest => ({
  kind: "speaking",
  part,
  module: "academic",
  questions: [],
  transcript: "t",
});

describe("selectGeminiModel", () => {
  it.each([
    [writing(1, "general"), "light", /Task 1 \(general\)/],
    [writing(1, "academic"), "light", /Task 1 \(academic\)/],
    [writing(2, "academic"), "strong", /Task 2 essay/],
    [speaking(1), "light", /Part 1/],
    [speaking(2), "light", /Part 2/],
    [speaking(3), "strong", /Part 3/],
  ])("%#: picks the %s model", (req, model, reason) => {
    const choice = selectGeminiModel(req);
    expect(choice.model).toBe(model);
    expect(choice.reason).toMatch(reason);
  });
});
