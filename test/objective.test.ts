import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { getAssessment, listUserAssessments } from "../src/data/assessments";
import { fieldName } from "../src/assessments/objective-fields";
import { parseWordLimit } from "../src/scoring/question-schema";
import { loadObjectiveResult } from "~/models/objective.server";
import { startMock } from "../src/assessments/mock";
import { openObjectiveDraft, submitObjective } from "../src/assessments/objective";
import { readingTests } from "../src/content/papers";
import { GOOD_ESSAY } from "../src/scoring/writing/fixtures/essays";
import { FormClient } from "./support/client";
import { answersWorth, paperOf, studentCookie } from "./support/objective";
import { signedInClient } from "./support/users";
import { queuedEssay, storedScored, storedObjective } from "./support/assessments";

async function student(label: string): Promise<FormClient> {
  const client = new FormClient();
  const { name, value } = await studentCookie(label);
  client.setCookie(name, value);
  return client;
}

function assessmentIdIn(html: string): string {
  const id = /name="assessmentId" value="([^"]+)"/.exec(html)?.[1];
  if (!id) throw new Error("no assessmentId on the test page");
  return id;
}

async function startPaper(client: FormClient, path: string): Promise<string> {
  return assessmentIdIn(await client.start(path));
}

function asFields(answers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(answers).map(([id, v]) => [fieldName(id), v]));
}

describe("Reading and Listening against Sandbox", () => {
  for (const [module, band] of [
    ["academic", 7],
    ["general", 6],
  ] as const) {
    it(`bands 30 correct answers as ${band} (${module}), after the unanswered summary`, async () => {
      const client = await student(`reading-${module}`);
      const path = `/assessments/reading/new?module=${module}`;
      const id = await startPaper(client, path);
      const { questions } = await paperOf(id);
      const answers = asFields(answersWorth(questions, 30));

      const first = await client.submit(path, { ...answers, intent: "submit" });
      expect(first.status).toBe(200);
      const summary = await first.text();
      expect(summary).toContain("not answered");
      expect(summary).toContain('value="confirm-submit"');

      const done = await client.submit(path, { ...answers, intent: "confirm-submit" });
      expect(done.status).toBe(302);
      expect(done.headers.get("location")).toBe(`/assessments/${id}`);
      const marked = await storedObjective(id);
      expect(marked?.status).toBe("scored");
      expect(marked?.marking?.raw).toBe(30);
      expect(marked?.marking?.band).toBe(band);
      const review = loadObjectiveResult(marked!)!.assessment;
      expect(review.band).toBe(band);
      expect(review.blocks.flatMap((b) => b.questions)).toHaveLength(questions.length);
    });
  }

  for (const [skill, path] of [
    ["reading", "/assessments/reading/new?module=academic"],
    ["listening", "/assessments/listening/new"],
  ] as const) {
    it(`starts the ${skill} clock on the Start button's POST, never on a GET`, async () => {
      const { client, user } = await signedInClient(`start-${skill}`);
      const intro = await client.get(path);
      expect(intro.status).toBe(200);
      const html = await intro.text();
      expect(html).toContain('value="start"');
      expect(html).not.toContain('name="assessmentId"');
      await client.get(path);
      expect(await listUserAssessments(user.userId)).toHaveLength(0);

      const crossSite = await client.post(
        path,
        { intent: "start" },
        { origin: "https://evil.example", "sec-fetch-site": "cross-site" },
      );
      expect(crossSite.status).toBeGreaterThanOrEqual(400);
      expect(await listUserAssessments(user.userId)).toHaveLength(0);

      const paper = await client.start(path);
      // Without JavaScript the clock is a time of day, not a count frozen at "60:00 left".
      expect(paper).toMatch(/Hand in by \d\d:\d\d UTC/);
      expect(paper).not.toContain(":00 left");
      const id = assessmentIdIn(paper);
      const drafts = await listUserAssessments(user.userId);
      expect(drafts.map((a) => [a.assessmentId, a.skill, a.status])).toEqual([
        [id, skill, "draft"],
      ]);
      // A second Start (a double tap, the back button) resumes the same paper.
      expect(await startPaper(client, path)).toBe(id);
      expect(await listUserAssessments(user.userId)).toHaveLength(1);
    });
  }

  it("starts Listening with an adjustment, kept on the paper; an unknown one is refused", async () => {
    const { client, user } = await signedInClient("listening-adjustment");
    const path = "/assessments/listening/new";
    const odd = await client.submit(path, { intent: "start", adjustment: "double-time" });
    expect(odd.status).toBe(400);
    expect(await odd.text()).toContain("Choose one of the ways listed to take it.");
    expect(await listUserAssessments(user.userId)).toHaveLength(0);

    const started = await client.submit(path, { intent: "start", adjustment: "transcript" });
    expect(started.status).toBe(302);
    const [draft] = await listUserAssessments(user.userId);
    expect(draft?.submission).toMatchObject({ kind: "objective", adjustment: "transcript" });
    const paper = await (await client.get(path)).text();
    expect(paper).not.toContain("<audio");
    const { test } = await paperOf(draft!.assessmentId);
    const line = test.skill === "listening" ? test.parts[0]!.script[0]!.text : "none";
    expect(paper).toContain(line.slice(0, 40));
    // A second Start, whatever it asks for, keeps the paper as it was started.
    await client.submit(path, { intent: "start", adjustment: "standard" });
    expect(await listUserAssessments(user.userId)).toHaveLength(1);
    expect((await getAssessment(draft!.assessmentId))?.submission).toMatchObject({
      adjustment: "transcript",
    });
  });

  it("marks a listening answer over the word limit wrong, with that reason", async () => {
    const client = await student("listening-limit");
    const path = "/assessments/listening/new";
    const id = await startPaper(client, path);
    const { questions } = await paperOf(id);
    const written = questions.find((q) => {
      const limit = typeof q.wordLimit === "string" ? parseWordLimit(q.wordLimit) : null;
      return limit?.words === 1 && !limit.number;
    })!;
    const key = [written.answer].flat()[0]!.replace(/[()]/g, "");
    const response = await client.submit(path, {
      [fieldName(written.id)]: `the ${key} here`,
      intent: "confirm-submit",
    });
    expect(response.status).toBe(302);
    const review = loadObjectiveResult((await getAssessment(id))!)!.assessment;
    const item = review.blocks.flatMap((b) => b.questions).find((q) => q.id === written.id)!;
    expect(item.correct).toBe(false);
    expect(item.reason).toContain("over the word limit");
    expect(item.evidence.length).toBeGreaterThan(0);
    // The transcript is offered once the paper is in, never before.
    const { test } = await paperOf(id);
    const firstLine = test.skill === "listening" ? test.parts[0]!.script[0]!.text : "";
    const result = await (await client.get(`/assessments/${id}`)).text();
    expect(result).toContain("Read the transcript of Part 1");
    expect(result).toContain(firstLine);
  });

  it("offers each part's recording as Ogg Opus and MP3, both served", async () => {
    const client = await student("listening-sources");
    const html = await client.start("/assessments/listening/new");
    const { test } = await paperOf(assessmentIdIn(html));
    if (test.skill !== "listening") throw new Error("not a listening paper");
    for (const part of test.parts) {
      const sources = [...html.matchAll(/<source src="([^"]+)" type="([^"]+)"/g)]
        .filter(([, src]) => src!.startsWith(`/_static${part.audio}.`))
        .map(([, src, type]) => [src, type!.replaceAll("&quot;", '"')]);
      expect(sources).toEqual([
        [`/_static${part.audio}.ogg`, 'audio/ogg; codecs="opus"'],
        [`/_static${part.audio}.mp3`, "audio/mpeg"],
      ]);
    }
    const mp3 = await client.get(`/_static${test.parts[0]!.audio}.mp3`);
    expect(mp3.status).toBe(200);
    expect(new Uint8Array(await mp3.arrayBuffer()).length).toBeGreaterThan(100_000);
  });

  it("keeps saved answers across a reload, and refuses another student's paper", async () => {
    const client = await student("reading-draft");
    const path = "/assessments/reading/new?module=academic";
    const id = await startPaper(client, path);
    const { questions } = await paperOf(id);
    const written = questions.find((q) => q.wordLimit !== undefined)!;
    const judged = questions.find((q) => q.type === "true-false-not-given")!;
    const saved = await client.submit(path, {
      [fieldName(written.id)]: "kept answer",
      [fieldName(judged.id)]: "NOT GIVEN",
      intent: "save",
    });
    expect(saved.status).toBe(200);

    const reloaded = await (await client.get(path)).text();
    expect(assessmentIdIn(reloaded)).toBe(id);
    expect(reloaded).toContain('value="kept answer"');
    const chosen = reloaded
      .match(/<input [^>]*>/g)
      ?.find(
        (tag) =>
          tag.includes(`name="${fieldName(judged.id)}"`) && tag.includes('value="NOT GIVEN"'),
      );
    expect(chosen).toMatch(/ checked[ =/>]/);
    expect(reloaded).toContain('class="answered"');

    const stranger = await student("stranger");
    const refused = await stranger.submit(path, { assessmentId: id, intent: "confirm-submit" });
    expect(refused.status).toBe(404);
    expect((await getAssessment(id))?.status).toBe("draft");
  });

  it("drills one question type with instant marking", async () => {
    const client = await student("drill");
    const path = "/practice/objective?type=true-false-not-given";
    const page = await (await client.get(path)).text();
    const set = /name="set" value="([^"]+)"/.exec(page)?.[1];
    expect(set).toBeTruthy();
    const marked = await client.submit(path, {});
    expect(marked.status).toBe(200);
    const html = await marked.text();
    expect(html).toContain("You scored 0 out of");
    expect(html).toContain("No answer given");
  });
});

describe("a mock test in the order of the real one", () => {
  it("sends the student back until the earlier paper is in, and lets no paper be sat twice", async () => {
    const { client, user } = await signedInClient("mock-order");
    const mock = await startMock(user.userId, "general");
    const paper = (skill: string) =>
      `/assessments/${skill}/new?module=general&mockId=${mock.assessmentId}`;
    const back = (notice: string) => `/mock-tests/${mock.assessmentId}?notice=${notice}`;

    const early = await client.get(paper("reading"));
    expect(early.status).toBe(302);
    expect(early.headers.get("location")).toBe(back("earlier-step-open"));
    const mockPage = await (await client.get(back("earlier-step-open"))).text();
    expect(mockPage).toContain("Finish the parts above first");

    const listeningId = await startPaper(client, paper("listening"));
    const handedIn = await client.submit(paper("listening"), { intent: "confirm-submit" });
    expect(handedIn.status).toBe(302);
    expect((await getAssessment(listeningId))?.status).toBe("scored");

    const again = await client.get(paper("listening"));
    expect(again.status).toBe(302);
    expect(again.headers.get("location")).toBe(back("already-taken"));
    expect(await (await client.get(back("already-taken"))).text()).toContain(
      "each part of a mock test is sat once",
    );
    expect((await client.get(paper("reading"))).status).toBe(200);
    // A mock id that is not an id is ignored, not looked up (a 3,000-character key is a 500).
    const junk = await client.get(`/assessments/reading/new?mockId=${"x".repeat(3000)}`);
    expect(junk.status).toBe(200);
  });
});

describe("a mock test through all four skills, without JavaScript", () => {
  const SPOKEN = {
    "transcript-1":
      "I work in a small bakery near the station. I enjoy it because I meet a lot of people every morning and I like the smell of fresh bread.",
    "transcript-2":
      "I would like to describe a park near my home where I often walk in the evening. It has a lake, some old trees and a small cafe, and I go there with my sister when the weather is fine because it is quiet and we can talk about our week.",
    "transcript-3":
      "I think cities should keep more green spaces, because people need somewhere to relax and children need places to play. On the other hand, land is expensive, so councils have to balance parks against housing.",
  };

  // About 60 requests through Sandbox, each a fresh Lambda process: minutes on a busy machine.
  it("counts each part where it was started, with a way back and no second sitting", async () => {
    const { client, user } = await signedInClient("mock-four");
    const mock = await startMock(user.userId, "general");
    const mockPage = `/mock-tests/${mock.assessmentId}`;
    const step = (skill: string, extra = "") =>
      `/assessments/${skill}/new?module=general&mockId=${mock.assessmentId}${extra}`;

    for (const skill of ["listening", "reading"]) {
      await startPaper(client, step(skill));
      expect((await client.submit(step(skill), { intent: "confirm-submit" })).status).toBe(302);
    }
    for (const task of [1, 2]) {
      const path = step("writing", `&task=${task}`);
      expect(await (await client.get(mockPage)).text()).toContain(
        `href="${path.replaceAll("&", "&amp;")}"`,
      );
      const id = assessmentIdIn(await client.start(path));
      const sent = await client.submit(path, { intent: "submit", response: GOOD_ESSAY });
      expect(sent.headers.get("location")).toBe(`/assessments/${id}`);
      expect((await storedScored(id))?.mockId).toBe(mock.assessmentId);
      const result = await (await client.get(`/assessments/${id}`)).text();
      expect(result).toContain(`href="${mockPage}"`);
      expect(result).toContain("Back to your mock test");
      // Handed in: the mock page no longer offers the task, and its address sends back.
      expect(await (await client.get(mockPage)).text()).not.toContain(`Start Writing Task ${task}`);
      const again = await client.get(path);
      expect(again.headers.get("location")).toBe(`${mockPage}?notice=already-taken`);
    }
    const spoken = await client.submit(step("speaking"), { intent: "submit", ...SPOKEN });
    expect(spoken.status).toBe(302);

    const children = (await listUserAssessments(user.userId)).filter((a) => a.skill !== "mock");
    expect(children.map((a) => a.skill).sort()).toEqual([
      "listening",
      "reading",
      "speaking",
      "writing",
      "writing",
    ]);
    const page = await (await client.get(mockPage)).text();
    expect(page).not.toMatch(/Start (Listening|Reading|Writing|Speaking)/);
    expect(page).not.toContain('type="radio"');
    expect(page.match(/>Report</g)).toHaveLength(5);
  }, 300_000);
});

describe("the page while an answer is being scored", () => {
  it("reloads only without JavaScript, says so, and stops on request", async () => {
    const { client, user } = await signedInClient("scoring-wait");
    // Queued and never published: it stays pending for as long as the test looks at it.
    const { assessmentId } = await queuedEssay(user.userId);
    const html = await (await client.get(`/assessments/${assessmentId}`)).text();
    const head = html.slice(0, html.indexOf("</head>"));
    // In <head> a refresh reloads the whole page even with JavaScript on (axe: meta-refresh).
    expect(head).not.toContain("refresh");
    expect(html).toMatch(/<noscript><meta http-equiv="refresh" content="\d+"\/>/);
    expect(html).toContain("This page reloads every");
    expect(html).toContain(`href="/assessments/${assessmentId}?refresh=off"`);
    expect(html).toContain("10 to 60 seconds");
    expect(html).toMatch(/Submitted \d+ s ago/);

    const stopped = await (await client.get(`/assessments/${assessmentId}?refresh=off`)).text();
    expect(stopped).not.toContain('http-equiv="refresh"');
    expect(stopped).toContain("Reloading is off");
  });
});

describe("removing an accidental attempt from progress", () => {
  it("takes it out of the progress page and the CSV, and keeps the result", async () => {
    const client = await student("discard");
    const path = "/assessments/listening/new";
    const id = await startPaper(client, path);
    expect((await client.submit(path, { intent: "confirm-submit" })).status).toBe(302);
    expect(await (await client.get("/profile")).text()).toContain(`/assessments/${id}`);

    const removed = await client.submit(`/assessments/${id}`, { intent: "discard" });
    expect(removed.status).toBe(302);
    expect((await getAssessment(id))?.discardedAt).toBeTruthy();
    expect(await (await client.get("/profile")).text()).not.toContain(`/assessments/${id}`);
    expect(await (await client.get("/profile.csv")).text()).not.toContain(id);
    const result = await (await client.get(`/assessments/${id}`)).text();
    expect(result).toContain("Removed from your progress");

    const stranger = await student("discard-stranger");
    const refused = await stranger.post(`/assessments/${id}`, { intent: "discard" });
    expect(refused.status).toBe(404);
  });
});

describe("the Reading bank as a student meets it", () => {
  for (const module of ["academic", "general"] as const) {
    // The pages' Start and hand-in are covered above; this walks the same application calls
    // through a whole round of the bank, which over HTTP would take minutes.
    it(`gives a student every ${module} paper once before any repeats, in practice and mocks`, async () => {
      const userId = randomUUID();
      const bank = readingTests()
        .filter((t) => t.module === module)
        .map((t) => t.id);
      const sat: string[] = [];
      for (let i = 0; i < bank.length; i++) {
        // Every other paper is sat inside a mock test: both draw on the same bank and history.
        const mockId = i % 2 ? (await startMock(userId, module)).assessmentId : undefined;
        const { assessment, test } = await openObjectiveDraft({
          userId,
          skill: "reading",
          module,
          ...(mockId ? { mockId } : {}),
        });
        sat.push(test.id);
        await submitObjective(assessment, test, {}, () => Promise.resolve());
      }
      expect([...sat].sort()).toEqual([...bank].sort());
    });
  }
});
