import type { Assessment } from "../src/domain/assessment";
import { randomUUID } from "node:crypto";
import { PutCommand } from "@aws-sdk/lib-dynamodb";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { questionsOf, readingTests } from "../src/content/papers";
import { getAssessment } from "../src/data/assessments";
import { publishEvent } from "../src/data/events";
import { getDb } from "../src/data/tables";
import { startFakeBedrock, type FakeBedrock } from "./fakes/bedrock-server";
import { fakeBedrockPort } from "./support/ports";

let bedrock: FakeBedrock;

beforeAll(async () => {
  bedrock = await startFakeBedrock(fakeBedrockPort);
});

afterAll(async () => {
  await bedrock.close();
});

beforeEach(() => bedrock.reset());

/** A Reading paper already marked, with its first question wrong. */
async function markedPaper(): Promise<{ assessment: Assessment; questionId: string }> {
  const test = readingTests[0]!;
  const question = questionsOf(test)[0]!;
  const now = new Date().toISOString();
  const assessment: Assessment = {
    assessmentId: randomUUID(),
    userId: randomUUID(),
    skill: "reading",
    module: test.module,
    status: "scored",
    submission: { kind: "objective", module: test.module, testId: test.id },
    createdAt: now,
    updatedAt: now,
    publishCount: 0,
    answers: { [question.id]: "a wrong guess" },
    marking: {
      raw: 0,
      maxRaw: 40,
      band: 0,
      form: test.module === "academic" ? "reading-academic" : "reading-general",
      byType: {},
      results: [
        {
          id: question.id,
          type: question.type,
          correct: false,
          marks: 0,
          maxMarks: 1,
          reason: "Marked wrong by the key.",
          expected: String(question.answer),
        },
      ],
    },
  };
  const { doc, table } = await getDb();
  await doc.send(new PutCommand({ TableName: table("assessments"), Item: assessment }));
  return { assessment, questionId: question.id };
}

async function explained(assessmentId: string): Promise<Assessment> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const found = await getAssessment(assessmentId);
    if (found?.explanations) return found;
    if (Date.now() > deadline) throw new Error("no explanations after 60 s");
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

describe("explain-answers worker through Sandbox", () => {
  it("adds a model's explanation of a wrong answer, fenced as data", async () => {
    const { assessment, questionId } = await markedPaper();
    bedrock.otherwise({
      kind: "answer",
      answer: {
        explanations: [{ id: questionId, text: "The passage points to the key instead." }],
      },
    });
    await publishEvent("explain-answers", { assessmentId: assessment.assessmentId });
    const done = await explained(assessment.assessmentId);
    expect(done.explanations).toEqual([
      { id: questionId, text: "The passage points to the key instead.", source: "ai" },
    ]);
    expect(done.explainedBy).toBe("amazon.nova-micro-v1:0");
    expect(JSON.stringify(bedrock.requests[0]?.body)).toContain(
      "<candidate_answer>\\na wrong guess\\n</candidate_answer>",
    );
  });

  it("falls back to the marking reason when the model fails", async () => {
    const { assessment, questionId } = await markedPaper();
    bedrock.otherwise({ kind: "status", status: 500 });
    await publishEvent("explain-answers", { assessmentId: assessment.assessmentId });
    const done = await explained(assessment.assessmentId);
    expect(done.explainedBy).toBe("marking");
    expect(done.explanations?.[0]).toMatchObject({ id: questionId, source: "marking" });
    expect(done.explanations?.[0]?.text).toContain("Marked wrong by the key.");
  });
});
