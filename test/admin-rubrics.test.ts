import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGeminiProvider } from "../src/ai/gemini";
import { DEFAULT_RUBRIC } from "../src/ai/prompt";
import { scoreAssessment } from "../src/assessments/score";
import { createAssessment } from "../src/data/assessments";
import { listAuditForTarget } from "../src/data/audit-log";
import { deleteRubricText, listRubricTexts } from "../src/data/rubrics";
import type { User } from "../src/data/users";
import type { WritingSubmission } from "../src/domain/assessment";
import { modelAnswer } from "./ai/helpers";
import { task2Essay } from "./ai/fixtures";
import { startFakeGemini, type FakeGemini } from "./fakes/gemini-server";
import { InProcessClient } from "./support/in-process";
import { createAdmin, createStudent, sessionCookieFor } from "./support/users";
import { storedScored } from "./support/assessments";

/** Rewording the rubric the cloud models score against: the admin page, the audit, the prompt. */

const PAGE = "/admin/rubrics";
const ID = "writing.TR";
const WORDING =
  "TR (Task Response): answers both views the question names, gives the writer's own opinion early, and supports each main idea with an example from the writer's own country.";

let admin: User;
let client: InProcessClient;
let fake: FakeGemini;
const body = (r: { body?: string }) => String(r.body);

beforeAll(async () => {
  admin = await createAdmin("rubrics");
  client = new InProcessClient().signIn(await sessionCookieFor(admin));
  fake = await startFakeGemini();
  fake.otherwise({ kind: "answer", answer: modelAnswer({ TR: 6, CC: 6, LR: 6, GRA: 6 }) });
});
afterAll(async () => {
  await deleteRubricText(ID);
  await fake.close();
});

/** The system prompt Gemini was sent for a fresh Task 2 essay scored now. */
async function promptForNextEssay(): Promise<string> {
  fake.reset();
  fake.otherwise({ kind: "answer", answer: modelAnswer({ TR: 6, CC: 6, LR: 6, GRA: 6 }) });
  const essay = await createAssessment({
    userId: randomUUID(),
    skill: "writing",
    status: "queued",
    submission: task2Essay as WritingSubmission,
  });
  const gemini = createGeminiProvider({ apiKey: "test-key", baseUrl: fake.url });
  expect(await scoreAssessment(essay.assessmentId, [gemini])).toBe("scored");
  expect((await storedScored(essay.assessmentId))?.result?.provider).toBe("gemini");
  const sent = fake.requests[0]?.body as { systemInstruction: { parts: { text: string }[] } };
  return sent.systemInstruction.parts.map((p) => p.text).join("\n");
}

describe("the admin rubric page", () => {
  it("lists every criterion with its wording, to admins only", async () => {
    const page = await client.send({ method: "GET", path: PAGE });
    expect(page.statusCode).toBe(200);
    expect(body(page)).toContain("Writing Task 2: Task Response");
    expect(body(page)).toContain(DEFAULT_RUBRIC["speaking.P"]!.slice(0, 40));
    const student = new InProcessClient().signIn(
      await sessionCookieFor(await createStudent("rubric-student")),
    );
    expect((await student.send({ method: "GET", path: PAGE })).statusCode).toBe(404);
  });

  it("refuses wording that drops the criterion's code, keeping what was typed", async () => {
    const typed = "Answers the question fully and develops every idea with examples and reasons.";
    const r = await client.submit(PAGE, { intent: "save", rubricId: ID, text: typed });
    expect(r.statusCode).toBe(400);
    expect(body(r)).toContain("Start with “TR (”");
    expect(body(r)).toContain(typed);
    expect(await listRubricTexts()).toEqual([]);
  });

  it("saves a new wording with an audit entry, and the next scoring sends it to the model", async () => {
    expect(await promptForNextEssay()).toContain(DEFAULT_RUBRIC[ID]);
    const saved = await client.submit(PAGE, { intent: "save", rubricId: ID, text: WORDING });
    expect(body(saved)).toContain("Saved: the next answers scored");
    const [entry] = await listAuditForTarget(`rubric#${ID}`);
    expect(entry).toMatchObject({
      action: "rubric.edit",
      actorEmail: admin.email,
      before: { text: DEFAULT_RUBRIC[ID] },
      after: { text: WORDING },
    });
    const prompt = await promptForNextEssay();
    expect(prompt).toContain(WORDING);
    expect(prompt).not.toContain(DEFAULT_RUBRIC[ID]);
    // The other criteria keep their default wording.
    expect(prompt).toContain(DEFAULT_RUBRIC["writing.CC"]);

    const reset = await client.submit(PAGE, { intent: "reset", rubricId: ID });
    expect(body(reset)).toContain("The default wording is back");
    expect((await listAuditForTarget(`rubric#${ID}`))[0]).toMatchObject({ action: "rubric.reset" });
    expect(await promptForNextEssay()).toContain(DEFAULT_RUBRIC[ID]);
    const again = await client.submit(PAGE, { intent: "reset", rubricId: ID });
    expect(again.statusCode).toBe(409);
  });
});
