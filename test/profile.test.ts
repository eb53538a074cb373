import type { ScoringResult } from "../src/domain/result";
import { beforeAll, describe, expect, it } from "vitest";
import { listQuestions } from "../src/content/bank";
import { createAssessment } from "../src/data/assessments";
import { saveMarked } from "../src/data/assessment-transitions";
import { parseCsv } from "../src/scoring/csv";
import { FormClient } from "./support/client";
import { signedInClient } from "./support/users";
import { scoredAssessment, task2 } from "./support/assessments";
import { scoringResult } from "./support/results";

const PROMPT =
  'Some people say "museums should be free", while others disagree.\n\nDiscuss both views.';

function result(overall: number, criteria: Record<string, number>): ScoringResult {
  return scoringResult(criteria, overall, {
    feedback: { summary: "Scored for the profile test.", points: [] },
    highlights: [
      {
        start: 0,
        end: 15,
        kind: "grammar",
        message: "The subject is plural, so the verb is plural too.",
        suggestion: "Museums are",
      },
    ],
  });
}

async function scoredWriting(userId: string, day: string, overall: number) {
  const a = await scoredAssessment(
    {
      userId,
      skill: "writing",
      status: "queued",
      submission: task2(
        PROMPT,
        "Museums is free in many countries, and this helps families visit them often.",
      ),
      now: new Date(`${day}T10:00:00.000Z`),
    },
    result(overall, { TR: overall, CC: 6, LR: 6, GRA: 5.5 }),
  );
  return a.assessmentId;
}

let me: Awaited<ReturnType<typeof signedInClient>>;
let writingIds: string[];
let readingId: string;
let otherId: string;

beforeAll(async () => {
  me = await signedInClient("profile");
  writingIds = [
    await scoredWriting(me.user.userId, "2025-02-01", 5.5),
    await scoredWriting(me.user.userId, "2025-03-01", 6.5),
  ];
  const draft = await createAssessment({
    userId: me.user.userId,
    skill: "reading",
    status: "draft",
    submission: { kind: "objective", module: "academic", testId: "academic-1" },
  });
  readingId = draft.assessmentId;
  await saveMarked(
    draft,
    {},
    { raw: 30, maxRaw: 40, band: 7, form: "reading-academic", byType: {}, results: [] },
  );
  const other = await signedInClient("profile-other");
  otherId = await scoredWriting(other.user.userId, "2025-03-02", 8);
});

describe("profile and practice against Sandbox", () => {
  it("lists the student's assessments with bands, links and both charts", async () => {
    const response = await me.client.get("/profile");
    expect(response.status).toBe(200);
    const html = await response.text();
    for (const id of [...writingIds, readingId]) expect(html).toContain(`/assessments/${id}`);
    expect(html).not.toContain(otherId);
    expect(html).toContain("Overall band over time");
    expect(html).toMatch(/<svg[^>]*role="img"/);
    expect(html).toContain("Writing: latest band and your average, per criterion");
    expect(html).toContain("30/40");
    expect(html).toContain("6.5");
    expect(html).not.toMatch(/\sstyle="/);
  });

  it("filters by skill with a plain link", async () => {
    const html = await (await me.client.get("/profile?skill=reading")).text();
    expect(html).toContain(`/assessments/${readingId}`);
    for (const id of writingIds) expect(html).not.toContain(`/assessments/${id}`);
    expect(html).toContain('href="/profile.csv?skill=reading"');
  });

  it("downloads the student's own history as CSV, escaped", async () => {
    const response = await me.client.get("/profile.csv?skill=writing");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/csv");
    expect(response.headers.get("content-disposition")).toBe(
      'attachment; filename="ielts-history.csv"',
    );
    const text = await response.text();
    expect(text).toContain('"Some people say ""museums should be free"", while others disagree."');
    const [header, ...rows] = parseCsv(text);
    expect(rows).toHaveLength(2);
    const link = header!.indexOf("result");
    expect(rows.map((r) => r[link]!.split("/").at(-1)).sort()).toEqual([...writingIds].sort());
    expect(text).not.toContain(otherId);
    const all = parseCsv(await (await me.client.get("/profile.csv")).text());
    expect(all).toHaveLength(4);
  });

  it("shows a new student what to do first", async () => {
    const fresh = await signedInClient("profile-new");
    const html = await (await fresh.client.get("/profile")).text();
    expect(html).toContain("No assessments yet");
    expect(html).toContain("/assessments/writing/new");
  });

  it("sends a logged-out visitor to log in", async () => {
    const response = await new FormClient().get("/profile.csv");
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toContain("/login");
  });

  it("checks a drill answer on POST and keeps the text", async () => {
    const page = await me.client.get("/practice/speaking");
    const item = /name="item" value="([^"]+)"/.exec(await page.text())?.[1];
    expect(item).toBeTruthy();
    const path = `/practice/speaking?item=${item}`;
    const answer = "Yes.";
    const response = await me.client.submit(path, { answer }, path);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("Feedback");
    expect(html).toContain("To fix:");
    expect(html).toMatch(/<textarea[^>]*name="answer"[^>]*>Yes\.<\/textarea>/);
  });

  it("builds the grammar drill from the student's own errors", async () => {
    const html = await (await me.client.get("/practice/grammar")).text();
    expect(html).toContain("From your own essays.");
    expect(html).toContain("Museums is free in many countries");
  });

  it("offers a drill on a question the student has not written on yet", async () => {
    const student = await signedInClient("profile-drill-unseen");
    const [left, ...written] = listQuestions({ skill: "writing", task: 1, module: "academic" });
    for (const q of written) {
      await createAssessment({
        userId: student.user.userId,
        skill: "writing",
        status: "draft",
        questionId: q.id,
        submission: { kind: "writing", task: 1, module: "academic", prompt: "", response: "" },
      });
    }
    // Random otherwise: three visits all landing on the one unseen visual is no accident.
    for (let visit = 0; visit < 3; visit++) {
      const html = await (await student.client.get("/practice/overview")).text();
      expect(/name="item" value="([^"]+)"/.exec(html)?.[1]).toBe(left!.id);
    }
  });
});
