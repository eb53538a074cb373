import { describe, expect, it } from "vitest";
import { parseCsv } from "../scoring/csv";
import { bandSeries, criterionStats, describeBandSeries } from "./charts";
import { csvField, historyCsv, toCsv } from "./csv";
import { criteriaIn, historyRows, parseSkill, toHistoryRow, type HistorySource } from "./history";

const writing = (
  id: string,
  day: number,
  overall: number,
  criteria: Record<string, number>,
): HistorySource => ({
  assessmentId: id,
  skill: "writing",
  module: "academic",
  status: "scored",
  createdAt: `2025-03-${String(day).padStart(2, "0")}T09:00:00.000Z`,
  submittedAt: `2025-03-${String(day).padStart(2, "0")}T09:40:00.000Z`,
  submission: {
    kind: "writing",
    task: 2,
    prompt: 'Some say "free museums", others disagree, strongly.\n\nDiscuss both views.',
  },
  result: { overall, criteria },
});

const reading: HistorySource = {
  assessmentId: "r1",
  skill: "reading",
  module: "general",
  status: "scored",
  createdAt: "2025-03-05T10:00:00.000Z",
  submission: { kind: "objective" },
  marking: { raw: 31, maxRaw: 40, band: 7, form: "reading-general" },
};

const queued: HistorySource = {
  assessmentId: "s1",
  skill: "speaking",
  module: "academic",
  status: "queued",
  createdAt: "2025-03-09T10:00:00.000Z",
};

const sources = [
  writing("w1", 1, 5.5, { TR: 5, CC: 6, LR: 5.5, GRA: 5.5 }),
  reading,
  writing("w2", 8, 6.5, { TR: 6.5, CC: 6.5, LR: 6, GRA: 7 }),
  queued,
];

describe("history rows", () => {
  it("lists every assessment newest first, with bands, raw scores and the question", () => {
    const rows = historyRows(sources, null);
    expect(rows.map((r) => r.assessmentId)).toEqual(["s1", "w2", "r1", "w1"]);
    expect(rows[1]).toMatchObject({ overall: 6.5, task: 2, criteria: { GRA: 7 } });
    expect(rows[1]!.question).toBe('Some say "free museums", others disagree, strongly.');
    expect(rows[2]).toMatchObject({ overall: 7, score: { raw: 31, maxRaw: 40 }, criteria: {} });
    expect(rows[0]).toMatchObject({ overall: null, score: null, status: "queued" });
  });

  it("leaves out attempts the student removed, from the rows and so from the averages", () => {
    const accident = { ...writing("w3", 20, 1, { TR: 1, CC: 1, LR: 1, GRA: 1 }) };
    const kept = historyRows([...sources, accident], "writing");
    expect(criterionStats(kept, "writing").find((c) => c.criterion === "TR")?.latest).toBe(1);
    const removed = historyRows(
      [...sources, { ...accident, discardedAt: "2025-03-20T10:00:00.000Z" }],
      "writing",
    );
    expect(removed.map((r) => r.assessmentId)).toEqual(["w2", "w1"]);
    expect(criterionStats(removed, "writing")).toEqual(
      criterionStats(historyRows(sources, "writing"), "writing"),
    );
  });

  it("filters by skill and rejects unknown skills", () => {
    expect(historyRows(sources, "reading").map((r) => r.assessmentId)).toEqual(["r1"]);
    expect(parseSkill("speaking")).toBe("speaking");
    expect(parseSkill("cooking")).toBeNull();
    expect(parseSkill(null)).toBeNull();
  });

  it("shows no band for a failed or unscored result and tolerates a malformed marking", () => {
    const failed = { ...writing("w3", 9, 8, { TR: 8 }), status: "failed" as const };
    expect(toHistoryRow(failed)).toMatchObject({ overall: null, criteria: {} });
    expect(toHistoryRow({ ...reading, marking: { band: "7" } })).toMatchObject({
      overall: null,
      score: null,
    });
    expect(toHistoryRow({ ...reading, marking: undefined }).overall).toBeNull();
  });

  it("orders criteria as examiners do", () => {
    const rows = historyRows(
      [writing("a", 1, 6, { GRA: 6, TA: 6, CC: 6 }), writing("b", 2, 6, { LR: 6, TR: 6 })],
      null,
    );
    expect(criteriaIn(rows)).toEqual(["TA", "TR", "CC", "LR", "GRA"]);
  });
});

describe("CSV", () => {
  it("quotes only fields with commas, quotes or line breaks, doubling quotes", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
    expect(toCsv([["a", "b"], ["c"]])).toBe("a,b\r\nc\r\n");
  });

  it("defuses text a spreadsheet would run as a formula", () => {
    expect(csvField("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvField("-1,2")).toBe('"\'-1,2"');
  });

  it("writes one row per assessment that a CSV parser reads back", () => {
    const text = historyCsv(historyRows(sources, null), (id) => `https://x.test/assessments/${id}`);
    const [header, ...rows] = parseCsv(text);
    expect(header).toEqual([
      "date",
      "skill",
      "module",
      "task",
      "question",
      "status",
      "late",
      "overall band",
      "TR band",
      "CC band",
      "LR band",
      "GRA band",
      "raw score",
      "max raw score",
      "result",
    ]);
    expect(rows).toHaveLength(4);
    const w2 = rows.find((r) => r.at(-1)!.endsWith("/w2"))!;
    expect(w2.slice(1, 8)).toEqual([
      "writing",
      "academic",
      "2",
      'Some say "free museums", others disagree, strongly.',
      "scored",
      "no",
      "6.5",
    ]);
    expect(rows.find((r) => r[1] === "reading")!.slice(-3, -1)).toEqual(["31", "40"]);
  });
});

describe("chart data", () => {
  it("gives one oldest-first series per skill with bands", () => {
    const series = bandSeries(historyRows(sources, null));
    expect(series.map((s) => s.skill)).toEqual(["writing", "reading"]);
    expect(series[0]!.points.map((p) => p.band)).toEqual([5.5, 6.5]);
    expect(describeBandSeries(series)).toContain(
      "Writing: band 5.5 on 1 Mar 2025, band 6.5 on 8 Mar 2025.",
    );
  });

  it("compares the latest band with the average per criterion", () => {
    const stats = criterionStats(historyRows(sources, null), "writing");
    expect(stats).toEqual([
      { criterion: "TR", latest: 6.5, average: 5.8, count: 2 },
      { criterion: "CC", latest: 6.5, average: 6.3, count: 2 },
      { criterion: "LR", latest: 6, average: 5.8, count: 2 },
      { criterion: "GRA", latest: 7, average: 6.3, count: 2 },
    ]);
    expect(criterionStats(historyRows(sources, null), "speaking")).toEqual([]);
  });
});
