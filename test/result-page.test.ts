import { describe, expect, it } from "vitest";
import type {
  ProviderAttempt,
  SpeakingSubmission,
  WritingSubmission,
} from "../src/domain/assessment";
import type { ScoringResult } from "../src/domain/result";
import { signedInClient } from "./support/users";
import { scoredAssessment, task2 } from "./support/assessments";
import { scoringResult } from "./support/results";

const PROMPT =
  "Some people think that cities should ban private cars from their centres. To what extent do you agree or disagree?";

function result(
  criteria: Record<string, number>,
  extra: Partial<ScoringResult> = {},
): ScoringResult {
  const overall = Object.values(criteria).reduce((a, b) => a + b, 0) / Object.keys(criteria).length;
  return scoringResult(criteria, overall, {
    feedback: { summary: "Estimated band.", points: [] },
    modelId: "offline-test",
    ...extra,
  });
}

async function scoredPage(
  submission: WritingSubmission | SpeakingSubmission,
  scored: ScoringResult,
  attempts: ProviderAttempt[] = [],
) {
  const { client, user } = await signedInClient("result-page");
  const skill = submission.kind === "speaking" ? "speaking" : "writing";
  const a = await scoredAssessment(
    { userId: user.userId, skill, submission, status: "queued" },
    scored,
    attempts,
  );
  const page = await client.get(`/assessments/${a.assessmentId}`);
  expect(page.status).toBe(200);
  return await page.text();
}

describe("the result page", () => {
  it("shows the question, and gives a band-1 answer a full answer as its next step, not half a band", async () => {
    const essay: WritingSubmission = task2(PROMPT, "Cars are bad for cities.");
    const html = await scoredPage(
      essay,
      result({ TR: 1, CC: 1, LR: 1, GRA: 1 }, { flags: ["too-short-band-1"] }),
    );
    expect(html).toContain("The question");
    expect(html).toContain("should ban private cars from their centres");
    expect(html).not.toContain("Raising it to 1.5");
    expect(html).toContain("The first step is a full answer to the question");
  });

  it("says which recorded Speaking parts were not scored, and why", async () => {
    const html = await scoredPage(
      {
        kind: "speaking",
        module: "academic",
        setId: "s-test",
        parts: [
          {
            part: 1,
            questions: ["Where do you live?"],
            transcript: "I live in a small town near the coast.",
          },
          {
            part: 2,
            questions: ["Describe a park you like."],
            transcript: "",
            audioKey: "audio/x/part-2.webm",
            audioMimeType: "audio/webm",
          },
        ],
      },
      result(
        { FC: 6, LR: 6, GRA: 6 },
        { unscoredParts: [{ part: 2, reason: "No speech-to-text is set up here." }] },
      ),
    );
    expect(html).toContain("Parts not scored");
    expect(html).toContain("Part 2: No speech-to-text is set up here.");
    expect(html).toContain("Part 1: Where do you live?");
  });

  it("says when a configured cloud model failed and the offline scorer gave the bands", async () => {
    const essay: WritingSubmission = task2(PROMPT, "Cars are bad for cities.");
    const failed = { provider: "bedrock", ok: false, error: "unavailable: 503", latencyMs: 40 };
    const offline = { provider: "local", modelId: "offline-test", ok: true, latencyMs: 90 };
    const fellBack = await scoredPage(essay, result({ TR: 5, CC: 5, LR: 5, GRA: 5 }), [
      failed,
      failed,
      offline,
    ]);
    expect(fellBack).toContain(
      "Amazon Bedrock is set up here but could not score this just now, so these bands come from our offline scorer instead.",
    );
    // Offline by configuration, nothing fell back: no such note.
    const plain = await scoredPage(essay, result({ TR: 5, CC: 5, LR: 5, GRA: 5 }), [offline]);
    expect(plain).not.toContain("could not score this just now");
  });
});
