import type { Assessment, WritingSubmission } from "../src/domain/assessment";
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { offlineEvidence } from "../src/ai/local";
import { enqueueScoring, GAVE_UP_REASON, SWEEP_POLICY, sweepStuck } from "../src/assessments/queue";
import { createAssessment, getAssessment } from "../src/data/assessments";
import { recordPublished } from "../src/data/assessment-transitions";
import { publishEvent } from "../src/data/events";
import { listUserSafetyLogs } from "../src/data/safety-logs";
import { plausibleAnswer } from "./ai/helpers";
import { injectionEssay, task2Essay } from "./ai/fixtures";
import { startFakeBedrock } from "./fakes/bedrock-server";
import { fakeBedrockPort } from "./support/ports";
import { useFake } from "./support/fakes";
import { settled, publishTwice, storedScored } from "./support/assessments";

const bedrock = useFake(() => startFakeBedrock(fakeBedrockPort));

async function queued(submission: WritingSubmission, userId = randomUUID()): Promise<Assessment> {
  return createAssessment({ userId, skill: "writing", submission, status: "queued" });
}

function converseCalls(): number {
  return bedrock.requests.filter((r) => r.path.endsWith("/converse")).length;
}

describe("scoring workers through Sandbox", () => {
  it("scores a submitted essay with Bedrock and records model, tokens and cost", async () => {
    const evidence = await offlineEvidence(task2Essay);
    bedrock.otherwise({ kind: "answer", answer: plausibleAnswer(evidence) });
    const assessment = await queued(task2Essay as WritingSubmission);
    expect(await enqueueScoring(assessment, publishEvent)).toBe(true);

    const done = await settled(assessment.assessmentId);
    expect(done.status).toBe("scored");
    expect(done.result?.provider).toBe("bedrock");
    expect(done.result?.modelId).toBe("amazon.nova-micro-v1:0");
    expect(done.result?.overall).toBe(evidence.overall);
    expect(done.result?.inputTokens).toBe(1_500);
    expect(done.result?.costUsd).toBeGreaterThan(0);
    expect(converseCalls()).toBe(1);
  });

  it("falls back to the offline scorer when Bedrock keeps failing, and says so", async () => {
    bedrock.otherwise({ kind: "status", status: 500 });
    const assessment = await queued(task2Essay as WritingSubmission);
    await enqueueScoring(assessment, publishEvent);

    const done = await settled(assessment.assessmentId);
    expect(done.status).toBe("scored");
    expect(done.result?.provider).toBe("local");
    expect(done.attempts?.filter((a) => a.provider === "bedrock" && !a.ok)).toHaveLength(2);
    expect(converseCalls()).toBe(2);
  });

  it("scores an event delivered twice once, with one provider call", async () => {
    const evidence = await offlineEvidence(task2Essay);
    bedrock.otherwise({ kind: "answer", answer: plausibleAnswer(evidence) });
    const assessment = await queued(task2Essay as WritingSubmission);
    await publishTwice("score-writing", assessment.assessmentId);

    const done = await settled(assessment.assessmentId);
    expect(done.status).toBe("scored");
    // Give the second delivery time to run and find nothing left to do.
    await new Promise((resolve) => setTimeout(resolve, 8_000));
    expect(converseCalls()).toBe(1);
    expect((await storedScored(assessment.assessmentId))?.result).toEqual(done.result);
  });

  it("keeps a submission whose publish failed queued, and the sweeper gets it scored", async () => {
    bedrock.otherwise({ kind: "status", status: 503 });
    const assessment = await queued(task2Essay as WritingSubmission);
    const published = await enqueueScoring(assessment, async () => {
      throw new Error("SNS unavailable");
    });
    expect(published).toBe(false);
    expect((await getAssessment(assessment.assessmentId))?.status).toBe("queued");

    const later = new Date(Date.now() + 3 * 60_000);
    const report = await sweepStuck(publishEvent, later);
    expect(report.republished).toContain(assessment.assessmentId);
    expect((await settled(assessment.assessmentId)).status).toBe("scored");
  });

  it("scores an injection attempt as writing and logs it for the assessment", async () => {
    const evidence = await offlineEvidence(injectionEssay);
    bedrock.otherwise({ kind: "answer", answer: plausibleAnswer(evidence) });
    const userId = randomUUID();
    const assessment = await queued(injectionEssay as WritingSubmission, userId);
    await enqueueScoring(assessment, publishEvent);

    const done = await settled(assessment.assessmentId);
    expect(done.status).toBe("scored");
    expect(done.result?.overall).toBeLessThan(9);
    expect(done.result?.flags).toContain("prompt-injection");
    const logs = await listUserSafetyLogs(userId);
    expect(logs.map((l) => [l.kind, l.assessmentId])).toContainEqual([
      "prompt-injection",
      assessment.assessmentId,
    ]);
    const system = JSON.stringify(
      (bedrock.requests[0]?.body as { system?: unknown } | undefined)?.system,
    );
    expect(system).not.toContain("Ignore all previous instructions");
  });
});

describe("the sweeper's limits", () => {
  it("gives up on an assessment published too often, with a reason the student sees", async () => {
    const assessment = await queued(task2Essay as WritingSubmission);
    for (let i = 0; i < SWEEP_POLICY.maxPublishes; i++) {
      await recordPublished(assessment.assessmentId);
    }
    const later = new Date(Date.now() + 3 * 60_000);
    const report = await sweepStuck(publishEvent, later);
    expect(report.gaveUp).toContain(assessment.assessmentId);
    expect(report.republished).not.toContain(assessment.assessmentId);
    const failed = await getAssessment(assessment.assessmentId);
    expect(failed).toMatchObject({ status: "failed", failureReason: GAVE_UP_REASON });
  });
});
