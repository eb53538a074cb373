import { describe, expect, it } from "vitest";
import { getAssessment, listUserAssessments } from "../src/data/assessments";
import { claimForScoring, saveFailed } from "../src/data/assessment-transitions";
import { GOOD_ESSAY } from "../src/scoring/writing/fixtures/essays";
import type { FormClient } from "./support/client";
import { signedInClient } from "./support/users";
import { queuedEssay, storedScored } from "./support/assessments";

function assessmentIdFrom(html: string): string {
  const id = /name="assessmentId" value="([^"]+)"/.exec(html)?.[1];
  if (!id) throw new Error("no assessment id on the writing page");
  return id;
}

async function scoredPage(client: FormClient, path: string): Promise<string> {
  const deadline = Date.now() + 90_000;
  for (;;) {
    const page = await client.get(path);
    expect(page.status).toBe(200);
    const html = await page.text();
    if (!html.includes('http-equiv="refresh"')) return html;
    if (Date.now() > deadline) throw new Error("still scoring after 90 s");
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}

describe("a Task 2 essay through the pages, without JavaScript", () => {
  it("starts the clock on the Start button's POST, never on a GET", async () => {
    const { client, user } = await signedInClient("writing-start");
    const path = "/assessments/writing/new?task=2&module=general";
    const intro = await (await client.get(path)).text();
    expect(intro).toContain('value="start"');
    expect(intro).not.toContain('name="response"');
    expect(await listUserAssessments(user.userId)).toHaveLength(0);

    const task = await client.start(path);
    expect(task).toContain('name="response"');
    expect(task).toMatch(/Hand in by \d\d:\d\d UTC/);
    const drafts = await listUserAssessments(user.userId);
    expect(drafts.map((a) => [a.skill, a.status])).toEqual([["writing", "draft"]]);
    expect(assessmentIdFrom(await client.start(path))).toBe(drafts[0]!.assessmentId);
  });

  it("keeps a saved draft, submits it, refreshes while scoring and shows marked feedback", async () => {
    const { client, user } = await signedInClient("writer");
    const html = await client.start("/assessments/writing/new?task=2&module=academic");
    expect(html).toMatch(/Writing Task 2/);
    const id = assessmentIdFrom(html);

    const draftText = GOOD_ESSAY.slice(0, 400);
    const saved = await client.submit("/assessments/writing/new?task=2&module=academic", {
      intent: "save",
      response: draftText,
    });
    expect(saved.status).toBe(200);
    const reloaded = await (
      await client.get("/assessments/writing/new?task=2&module=academic")
    ).text();
    expect(assessmentIdFrom(reloaded)).toBe(id);
    expect(reloaded).toContain(draftText.slice(0, 60));

    const empty = await client.submit("/assessments/writing/new?task=2&module=academic", {
      intent: "submit",
      response: "   ",
    });
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain("Write your answer before you submit it.");

    const submitted = await client.submit("/assessments/writing/new?task=2&module=academic", {
      intent: "submit",
      response: GOOD_ESSAY,
    });
    expect(submitted.status).toBe(302);
    expect(submitted.headers.get("location")).toBe(`/assessments/${id}`);
    expect((await getAssessment(id))?.submission).toMatchObject({ response: GOOD_ESSAY });

    const result = await scoredPage(client, `/assessments/${id}`);
    expect(result).toContain("Overall band");
    expect(result).toContain("Task Response");
    expect(result).toMatch(/Scored by (Amazon Bedrock|our offline scorer)/);
    const stored = await getAssessment(id);
    expect(stored?.status).toBe("scored");
    expect(stored?.userId).toBe(user.userId);

    const report = await client.submit(`/assessments/${id}`, {
      intent: "report",
      reason: "wrong",
      comment: "The grammar note on line 2 is not an error.",
    });
    expect(report.status).toBe(200);
    expect(await report.text()).toContain("Thank you");
  });

  it("asks before submitting an answer far under the word limit, keeping the text", async () => {
    const { client } = await signedInClient("short-writer");
    const path = "/assessments/writing/new?task=2&module=academic";
    const id = assessmentIdFrom(await client.start(path));
    const six = "I think technology is very good.";
    const asked = await client.submit(path, { intent: "submit", response: six });
    expect(asked.status).toBe(200);
    const html = await asked.text();
    expect(html).toContain("Your answer has 6 words");
    expect(html).toContain('name="confirmShort" value="yes"');
    expect(html).toContain(six);
    expect((await getAssessment(id))?.status).toBe("draft");
    expect(assessmentIdFrom(await (await client.get(path)).text())).toBe(id);

    const sent = await client.submit(path, { confirmShort: "yes", response: six });
    expect(sent.status).toBe(302);
    expect(sent.headers.get("location")).toBe(`/assessments/${id}`);
    expect((await getAssessment(id))?.status).not.toBe("draft");
  });

  it("hides another student's result", async () => {
    const { client } = await signedInClient("owner");
    const id = assessmentIdFrom(
      await client.start("/assessments/writing/new?task=1&module=general"),
    );
    await client.submit("/assessments/writing/new?task=1&module=general", {
      intent: "submit",
      response: GOOD_ESSAY,
    });
    const { client: other } = await signedInClient("nosy");
    expect((await other.get(`/assessments/${id}`)).status).toBe(404);
  });
});

describe("a failed scoring", () => {
  it("shows the reason and scores again when the student presses retry", async () => {
    const { client, user } = await signedInClient("retry");
    const assessment = await queuedEssay(user.userId, "Discuss.", GOOD_ESSAY);
    await claimForScoring(assessment.assessmentId);
    await saveFailed(assessment.assessmentId, "We could not score this answer just now.", []);

    const page = await client.get(`/assessments/${assessment.assessmentId}`);
    const html = await page.text();
    expect(html).toContain("We could not score this answer just now.");
    expect(html).toContain("Try scoring again");

    const retry = await client.submit(`/assessments/${assessment.assessmentId}`, {
      intent: "retry",
    });
    expect(retry.status).toBe(302);
    const result = await scoredPage(client, `/assessments/${assessment.assessmentId}`);
    expect(result).toContain("Overall band");
    expect((await getAssessment(assessment.assessmentId))?.status).toBe("scored");
  });
});

describe("an Academic Task 1 report through the pages", () => {
  const PAGE = "/assessments/writing/new?task=1&module=academic";
  // A report that describes without a single figure: band 5 at most for Task Achievement.
  const NO_FIGURES = [
    "The chart shows how the figures for each category changed over the period shown.",
    "Overall, the largest category stayed well ahead of the others, while the smallest one grew the fastest towards the end.",
    "At the start, the leading category was far above the rest, and the others were much closer to each other.",
    "In the middle of the period, the gap narrowed slightly, because the smaller categories rose steadily while the largest one changed little.",
    "By the end, the order had changed in places: one of the smaller categories overtook another, and the leading one fell back a little.",
    "In short, the general pattern was growth for most categories, with the biggest changes happening in the final years of the period.",
  ].join(" ");

  it("checks the report against the chart's data and caps a report without figures", async () => {
    const { client } = await signedInClient("reporter");
    // A process or a map has no figures: submit it and take the next visual.
    for (let attempt = 0; attempt < 4; attempt++) {
      const id = assessmentIdFrom(await client.start(PAGE));
      const draft = await getAssessment(id);
      const submission = draft?.submission;
      if (submission?.kind !== "writing") throw new Error("not a writing draft");
      const submitted = await client.submit(PAGE, { intent: "submit", response: NO_FIGURES });
      expect(submitted.status).toBe(302);
      if (!submission.facts) continue;
      expect(submission.facts.values.length).toBeGreaterThan(0);
      expect(submission.prompt).toContain("Data shown:");
      const html = await scoredPage(client, `/assessments/${id}`);
      const scored = await storedScored(id);
      expect(scored?.result?.flags).toContain("no-data");
      expect(scored?.result?.criteria.TA).toBeLessThanOrEqual(5);
      expect(html).toContain("The report quotes no figures from the chart");
      expect(html).toContain("Support the main features with figures from the chart");
      return;
    }
    throw new Error("four visuals in a row without figures");
  });
});
