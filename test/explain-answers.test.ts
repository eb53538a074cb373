import type { ObjectiveAssessment } from "../src/domain/assessment";
import { randomUUID } from "node:crypto";
import { GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import { explainersFromEnv } from "../src/ai/config";
import { explainAssessment } from "../src/assessments/explain";
import { describe, expect, it } from "vitest";
import { questionsOf, readingTests } from "../src/content/papers";
import { publishEvent } from "../src/data/events";
import { getDb } from "../src/data/tables";
import { startFakeBedrock } from "./fakes/bedrock-server";
import { fakeBedrockPort } from "./support/ports";
import { useFake } from "./support/fakes";
import { publishTwice, storedObjective } from "./support/assessments";

const bedrock = useFake(() => startFakeBedrock(fakeBedrockPort));

/** A Reading paper already marked, with its first question wrong. */
async function markedPaper(
  extra: Partial<ObjectiveAssessment> = {},
): Promise<{ assessment: ObjectiveAssessment; questionId: string }> {
  const test = readingTests()[0]!;
  const question = questionsOf(test)[0]!;
  const now = new Date().toISOString();
  const assessment: ObjectiveAssessment = {
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
    ...extra,
  };
  const { doc, table } = await getDb();
  await doc.send(new PutCommand({ TableName: table("assessments"), Item: assessment }));
  return { assessment, questionId: question.id };
}

async function explained(assessmentId: string): Promise<ObjectiveAssessment> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const found = await storedObjective(assessmentId);
    if (found.explanations) return found;
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

  it("makes one model call for an event delivered twice at once", async () => {
    const { assessment, questionId } = await markedPaper();
    bedrock.otherwise({
      kind: "answer",
      answer: { explanations: [{ id: questionId, text: "Read the second paragraph again." }] },
      delayMs: 3_000,
    });
    await publishTwice("explain-answers", assessment.assessmentId);
    const done = await explained(assessment.assessmentId);
    expect(done.explainedBy).toBe("amazon.nova-micro-v1:0");
    // Give the second delivery time to run and find the paper claimed or explained.
    await new Promise((resolve) => setTimeout(resolve, 8_000));
    expect(bedrock.requests.filter((r) => r.path.endsWith("/converse"))).toHaveLength(1);
  });

  it("takes over a dead run's claim, and a success clears the earlier failure reason", async () => {
    const { assessment, questionId } = await markedPaper({
      explainClaimedAt: new Date(Date.now() - 10 * 60_000).toISOString(),
      explainFailure: "Error: ProvisionedThroughputExceededException",
    } as Partial<ObjectiveAssessment>);
    bedrock.otherwise({
      kind: "answer",
      answer: { explanations: [{ id: questionId, text: "The key is in line 3." }] },
    });
    await publishEvent("explain-answers", { assessmentId: assessment.assessmentId });
    const done = await explained(assessment.assessmentId);
    expect(done.explanations?.[0]?.text).toBe("The key is in line 3.");
    expect(done.explainFailure).toBeUndefined();
    const { doc, table } = await getDb();
    const { Item } = await doc.send(
      new GetCommand({
        TableName: table("assessments"),
        Key: { assessmentId: assessment.assessmentId },
      }),
    );
    expect(Item?.explainClaimedAt).toBeUndefined();
    expect(Item?.explainFailure).toBeUndefined();
  });

  it("leaves a paper claimed by a live run alone", async () => {
    const { assessment } = await markedPaper({
      explainClaimedAt: new Date().toISOString(),
    } as Partial<ObjectiveAssessment>);
    expect(await explainAssessment(assessment.assessmentId, explainersFromEnv({}))).toBe("skipped");
    expect((await storedObjective(assessment.assessmentId)).explanations).toBeUndefined();
  });
});
