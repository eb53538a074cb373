import { describe, expect, it } from "vitest";
import type { WritingAssessment } from "../domain/assessment";
import type { ScoringResult } from "../domain/result";
import { buildDashboard, dashboardCsv, lastDays, quantileFromHistogram } from "./dashboard";
import { formatLatency, OPEN_BUCKET_S } from "./dashboard-labels";
import { latencyField, scoringCounters } from "./stats";
import { scoringResult } from "../../test/support/results";

const result = (provider: ScoringResult["provider"], costUsd: number): ScoringResult =>
  scoringResult({}, 6, { provider, modelId: "m", costUsd });

const essay = (over: Partial<WritingAssessment>): WritingAssessment => ({
  assessmentId: "a",
  userId: "u",
  skill: "writing",
  module: "academic",
  status: "scored",
  submission: { kind: "writing", task: 2, module: "academic", prompt: "p", response: "r" },
  createdAt: "2026-03-01T10:00:00.000Z",
  submittedAt: "2026-03-01T10:00:00.000Z",
  updatedAt: "2026-03-01T10:00:07.000Z",
  publishCount: 1,
  ...over,
});

describe("scoringCounters", () => {
  it("counts a fallback when the offline scorer stood in for a failed cloud call, and its cost", () => {
    const counters = scoringCounters(
      essay({
        result: result("local", 0),
        attempts: [
          {
            provider: "bedrock",
            ok: false,
            latencyMs: 900,
            billed: { inputTokens: 1, outputTokens: 1, costUsd: 0.0004 },
          },
          { provider: "local", ok: true, latencyMs: 100 },
        ],
      }),
    );
    expect(counters).toEqual({
      assessments: { writing: 1 },
      scoring: { scored: 1, failed: 0, fallback: 1 },
      latency: { "le-10": 1 },
      "cost-usd": { local: 0, bedrock: 0.0004 },
    });
  });

  it("counts a failure without a latency sample, and nothing for work still queued", () => {
    expect(scoringCounters(essay({ status: "failed", attempts: [] }))).toMatchObject({
      scoring: { scored: 0, failed: 1, fallback: 0 },
    });
    expect(scoringCounters(essay({ status: "failed" })).latency).toBeUndefined();
    expect(scoringCounters(essay({ status: "queued" }))).toEqual({});
  });

  it("puts latencies in buckets by their upper bound, with an open last bucket", () => {
    expect(latencyField(2)).toBe("le-2");
    expect(latencyField(2.1)).toBe("le-5");
    expect(latencyField(4000)).toBe("over");
  });
});

describe("quantileFromHistogram", () => {
  it("reads the median and 95th percentile to the bucket they fall in", () => {
    const counts = { "le-5": 50, "le-10": 40, "le-60": 9, over: 1 };
    expect(quantileFromHistogram(counts, 0.5)).toBe(5);
    expect(quantileFromHistogram(counts, 0.95)).toBe(60);
    expect(quantileFromHistogram({ over: 1 }, 0.5)).toBe(OPEN_BUCKET_S);
    expect(quantileFromHistogram({}, 0.5)).toBeNull();
  });
});

describe("buildDashboard", () => {
  it("puts 30 UTC days on the axis, zero where nothing was counted, and writes them as CSV", () => {
    const days = lastDays(new Date("2026-03-30T12:00:00.000Z"));
    expect(days).toHaveLength(30);
    expect(days[0]).toBe("2026-03-01");
    expect(days[29]).toBe("2026-03-30");
    const dashboard = buildDashboard(
      days,
      {
        assessments: [{ day: "2026-03-02", counts: { writing: 2, reading: 1 } }],
        latency: [{ day: "2026-03-02", counts: { "le-10": 2 } }],
        scoring: [{ day: "2026-03-02", counts: { scored: 2 } }],
        "cost-usd": [{ day: "2026-03-02", counts: { gemini: 0.01 } }],
        accounts: [{ day: "2026-03-30", counts: { joined: 4 } }],
      },
      3,
    );
    expect(dashboard.providers).toEqual(["gemini"]);
    expect(dashboard.openReports).toBe(3);
    expect(dashboard.days[1]).toMatchObject({
      day: "2026-03-02",
      assessments: { writing: 2, speaking: 0, reading: 1, listening: 0 },
      medianS: 10,
      p95S: 10,
      costUsd: { gemini: 0.01 },
    });
    expect(dashboard.days[0]!.medianS).toBeNull();
    const lines = dashboardCsv(dashboard).split("\r\n");
    expect(lines[0]).toContain("cost usd gemini");
    expect(lines[2]).toBe("2026-03-02,2,0,1,0,2,0,0,10,10,0.0100,0");
    expect(lines[30]).toMatch(/^2026-03-30,.*,4$/);
  });
});

describe("the open-ended latency bucket", () => {
  it("reaches the page as 'over' the last bound: the page's data is JSON, which has no Infinity", () => {
    const days = lastDays(new Date("2026-03-30T12:00:00.000Z"));
    const dashboard = buildDashboard(
      days,
      {
        assessments: [],
        latency: [{ day: "2026-03-30", counts: { over: 3, "le-10": 1 } }],
        scoring: [],
        "cost-usd": [],
        accounts: [],
      },
      0,
    );
    const sent = JSON.parse(JSON.stringify(dashboard)) as typeof dashboard;
    const last = sent.days[29]!;
    expect(last.medianS).not.toBeNull();
    expect(formatLatency(last.medianS)).toBe("over 1800");
    expect(formatLatency(last.p95S)).toBe("over 1800");
  });
});
