import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAssessment } from "../src/data/assessments";
import type { SpeakingPartAnswer } from "../src/domain/assessment";
import { scoringEventHandler } from "../src/events/scoring-handler";
import { startFakeBedrock, type FakeBedrock } from "./fakes/bedrock-server";
import { storedScored } from "./support/assessments";

const ANSWER =
  "I'm a student at the moment. I study civil engineering at a university in my home city, and what I enjoy most is the practical side, because we visit building sites and see how the theory we learn is actually used. It can be tiring, but I find it really rewarding.";

const parts: SpeakingPartAnswer[] = ([1, 2, 3] as const).map((part) => ({
  part,
  questions: ["Tell me about your studies."],
  transcript: ANSWER,
}));

let bedrock: FakeBedrock;
const saved = { ...process.env };

beforeAll(async () => {
  bedrock = await startFakeBedrock();
  // Every Converse call hangs: the worst case, a provider that never answers.
  bedrock.otherwise({ kind: "hang" });
  process.env.AI_PROVIDERS = "bedrock,local";
  process.env.BEDROCK_ENDPOINT = bedrock.url;
});
afterAll(async () => {
  process.env.AI_PROVIDERS = saved.AI_PROVIDERS;
  process.env.BEDROCK_ENDPOINT = saved.BEDROCK_ENDPOINT;
  await bedrock.close();
});

describe("a scoring worker with a hanging provider", () => {
  it("finishes inside its Lambda's remaining time with the offline fallback's result", async () => {
    const assessment = await createAssessment({
      userId: randomUUID(),
      skill: "speaking",
      status: "queued",
      submission: { kind: "speaking", module: "academic", setId: "s-test", parts },
    });
    const handler = scoringEventHandler("score-speaking");
    const lambdaEnds = Date.now() + 30_000;
    const event = {
      Records: [{ Sns: { Message: JSON.stringify({ assessmentId: assessment.assessmentId }) } }],
    };
    // Three parts at two 20-second tries each would take the chain 120 s.
    await handler(event, { getRemainingTimeInMillis: () => lambdaEnds - Date.now() });
    expect(Date.now()).toBeLessThan(lambdaEnds);

    const done = await storedScored(assessment.assessmentId);
    expect(done.status).toBe("scored");
    expect(done.result?.provider).toBe("local");
    expect(Object.keys(done.result!.criteria).sort()).toEqual(["FC", "GRA", "LR"]);
    const cloud = done.attempts!.filter((a) => a.provider === "bedrock");
    // Part 1's first call is cut to what is left before the offline reserve (10 s less the
    // claim and the offline evidence); after it no cloud call has time.
    const cut = /^timeout: no answer within (\d+) ms/.exec(cloud[0]?.error ?? "");
    expect(Number(cut?.[1])).toBeGreaterThan(0);
    expect(Number(cut?.[1])).toBeLessThanOrEqual(10_000);
    expect(cloud.slice(1).every((a) => a.error?.startsWith("skipped: too little time"))).toBe(true);
    // Part 1's second try, then parts 2 and 3: skipped, not started.
    expect(cloud).toHaveLength(4);
    expect(done.attempts!.filter((a) => a.provider === "local" && a.ok)).toHaveLength(3);
  });
});
