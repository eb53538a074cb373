import { describe, expect, it } from "vitest";
import type { ScoredAssessment } from "../domain/assessment";
import type { ScoringResult } from "../domain/result";
import { createLogger, formatLine } from "./log";
import { emfLine, NAMESPACE } from "./metrics";
import { scoringMetrics } from "./scoring-metrics";

const at = new Date("2026-12-02T12:00:00.000Z");

describe("formatLine", () => {
  it("writes one JSON object with level, time, request id and the fields", () => {
    const line = formatLine("info", "req-1", "scored", { assessmentId: "a-1", ms: 97 }, at);
    expect(JSON.parse(line)).toEqual({
      level: "info",
      time: "2026-12-02T12:00:00.000Z",
      requestId: "req-1",
      message: "scored",
      assessmentId: "a-1",
      ms: 97,
    });
    expect(line).not.toContain("\n");
  });

  it("masks e-mail addresses anywhere and drops secret-bearing fields", () => {
    const line = formatLine("warn", "req-2", "login failed for Ana.B@example.co.uk", {
      email: "ana@example.com",
      password: "hunter2",
      headers: { cookie: "__session=abc", "user-agent": "x" },
      detail: ["sent to bob@school.org", 3],
      error: new Error("no user jo@example.com"),
    });
    expect(line).not.toMatch(/example\.co\.uk|example\.com|school\.org|hunter2|abc/);
    const parsed = JSON.parse(line);
    expect(parsed.message).toBe("login failed for [email]");
    expect(parsed.email).toBe("[redacted]");
    expect(parsed.headers).toEqual({ cookie: "[redacted]", "user-agent": "x" });
    expect(parsed.detail).toEqual(["sent to [email]", 3]);
    expect(parsed.error).toEqual({ name: "Error", message: "no user [email]" });
  });

  it("cannot be told a different request id or level by a field", () => {
    const parsed = JSON.parse(formatLine("error", "req-3", "m", { requestId: "x", level: "info" }));
    expect([parsed.requestId, parsed.level]).toEqual(["req-3", "error"]);
  });

  it("has createLogger write every level through the same format", () => {
    const lines: string[] = [];
    const log = createLogger("req-4", (l) => lines.push(l));
    log.info("a");
    log.error("b", { n: 1 });
    expect(lines.map((l) => JSON.parse(l)).map((l) => [l.level, l.requestId])).toEqual([
      ["info", "req-4"],
      ["error", "req-4"],
    ]);
  });
});

describe("emfLine", () => {
  it("declares each value as a metric of the namespace the alarms read", () => {
    const parsed = JSON.parse(
      emfLine({ ScoringLatency: 97, AiCostUsd: 0.0001 }, { worker: "w" }, at),
    );
    expect(parsed).toMatchObject({ worker: "w", ScoringLatency: 97, AiCostUsd: 0.0001 });
    expect(parsed._aws).toEqual({
      Timestamp: at.getTime(),
      CloudWatchMetrics: [
        {
          Namespace: NAMESPACE,
          Dimensions: [[]],
          Metrics: [
            { Name: "ScoringLatency", Unit: "Milliseconds" },
            { Name: "AiCostUsd", Unit: "None" },
          ],
        },
      ],
    });
  });
});

describe("scoringMetrics", () => {
  const result = { inputTokens: 1_500, outputTokens: 500, costUsd: 0.0017 } as ScoringResult;
  const billed = { inputTokens: 1_400, outputTokens: 450, costUsd: 0.0001 };
  const attempts = [
    { provider: "gemini", ok: false, error: "invalid-output", latencyMs: 900, billed },
    { provider: "gemini", ok: true, latencyMs: 1_200 },
  ];
  const base = { skill: "writing", submittedAt: at.toISOString(), updatedAt: at.toISOString() };

  it("counts the cost of the result and of paid failures, and each fall back", () => {
    const scored = { ...base, status: "scored", result, attempts } as ScoredAssessment;
    const m = scoringMetrics(scored, 2_100.4);
    expect(m).toMatchObject({ ScoringLatency: 2_100, ScoringFailures: 0, Fallbacks: 1 });
    expect(m.AiCostUsd).toBeCloseTo(0.0018, 10);
  });

  it("counts a failed assessment as a failure, not as fall backs", () => {
    const failed = { ...base, status: "failed", attempts: [attempts[0]!] } as ScoredAssessment;
    expect(scoringMetrics(failed, 10)).toMatchObject({ ScoringFailures: 1, Fallbacks: 0 });
    expect(scoringMetrics(failed, 10).AiCostUsd).toBeCloseTo(0.0001, 10);
  });
});
