import { describe, expect, it } from "vitest";
import { LOCAL_UPLOAD_BYTES } from "../src/data/local-audio-store";
import { getAssessment } from "../src/data/assessments";
import { GOOD_ESSAY } from "../src/scoring/writing/fixtures/essays";
import {
  type ApiClient,
  type ApiResult,
  dataOf,
  PROBLEMS,
  problemOf,
  signedInApp,
} from "./support/api-client";
import { tinyWav } from "./support/audio";
import { baseUrl } from "./support/ports";

/**
 * Writing and Speaking through /api/v1 as the mobile app does them, against Sandbox: start,
 * save, submit and the result, and recordings sent to an upload URL rather than through the API
 * (locally the app takes the PUT in S3's place; test/recording-upload-s3.test.ts covers S3).
 */

/** Polls the assessment as the app does until the worker has finished with it. */
async function settled(app: ApiClient, id: string) {
  const deadline = Date.now() + 90_000;
  for (;;) {
    const detail = dataOf(await app.getAssessment(id));
    if (detail.status === "scored" || detail.status === "failed") return detail;
    if (Date.now() > deadline) throw new Error(`still ${detail.status} after 90 s`);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}

describe("Writing through the API", () => {
  it("starts a task, keeps the draft, asks before a far-too-short answer, and scores it", async () => {
    const { app } = await signedInApp("api-writing");
    const started = await app.start({ skill: "writing", module: "academic", task: 2 });
    expect(started.status).toBe(201);
    const id = dataOf(started).id;
    expect(dataOf(started)).toMatchObject({ skill: "writing", status: "draft" });
    // Start again resumes the same task, as the web page's Start button does.
    expect(dataOf(await app.start({ skill: "writing", module: "academic", task: 2 })).id).toBe(id);

    const task = dataOf(await app.writingTask(id));
    expect(task).toMatchObject({ task: 2, minWords: 250, timeLimitMinutes: 40, response: "" });
    expect(task.prompt.length).toBeGreaterThan(40);
    expect(task.deadlineAt).not.toBeNull();

    const saved = dataOf(await app.saveWriting(id, "My first paragraph."));
    expect(saved.response).toBe("My first paragraph.");

    const short = problemOf(await app.submitWriting(id, { response: "Too short to score." }));
    expect(short.type).toBe(`${PROBLEMS}validation`);
    expect(short.errors?.[0]).toMatchObject({ pointer: "#/response" });
    expect(short.errors?.[0]?.detail).toContain("confirmShort");
    expect(dataOf(await app.writingTask(id)).response).toBe("Too short to score.");

    const empty = problemOf(await app.submitWriting(id, { response: "   " }));
    expect(empty.errors?.[0]?.detail).toBe("Write your answer before you submit it.");

    const queued = await app.submitWriting(id, { response: GOOD_ESSAY, scoring: "offline" });
    expect(queued.status).toBe(202);
    expect(dataOf(queued).status).toBe("queued");
    const again = problemOf(await app.submitWriting(id, { response: GOOD_ESSAY }));
    expect(again.type).toBe(`${PROBLEMS}conflict`);
    expect(problemOf(await app.saveWriting(id, "late edit")).status).toBe(409);

    const scored = await settled(app, id);
    expect(scored.status).toBe("scored");
    expect(scored.band).toBeGreaterThanOrEqual(5);
    expect(Object.keys(scored.result?.criteria ?? {})).toHaveLength(4);
    expect(scored.result?.points.length).toBeGreaterThan(0);
  });

  it("answers another student's task as 404, and bad bodies with the fields", async () => {
    const { app } = await signedInApp("api-writing-owner");
    const { app: other } = await signedInApp("api-writing-other");
    const id = dataOf(await app.start({ skill: "writing", module: "general", task: 1 })).id;
    const refusals: ApiResult<unknown>[] = [
      await other.writingTask(id),
      await other.saveWriting(id, "not mine"),
      await other.speakingTask(id),
    ];
    for (const result of refusals) expect(problemOf(result).type).toBe(`${PROBLEMS}not-found`);
    const general = dataOf(await app.writingTask(id));
    expect(general).toMatchObject({ task: 1, module: "general", minWords: 150, visual: null });

    const skill = problemOf(await app.start({ skill: "cooking", module: "academic" }));
    expect(skill.errors).toEqual([
      { pointer: "#/skill", detail: "skill is writing, speaking, reading or listening." },
    ]);
    const task = problemOf(await app.start({ skill: "writing", module: "academic", task: 3 }));
    expect(task.errors).toEqual([{ pointer: "#/task", detail: "task is 1 or 2." }]);
    const huge = problemOf(await app.saveWriting(id, "word ".repeat(5_000)));
    expect(huge.errors?.[0]?.pointer).toBe("#/response");
    expect(dataOf(await app.writingTask(id)).response).toBe("");
  });

  it("starts a Listening paper with an adjustment chosen at Start", async () => {
    const { app } = await signedInApp("api-listening-adjusted");
    const started = dataOf(
      await app.start({ skill: "listening", module: "academic", adjustment: "transcript" }),
    );
    const stored = await getAssessment(started.id);
    expect(stored?.submission.kind === "objective" && stored.submission.adjustment).toBe(
      "transcript",
    );
    const wrong = problemOf(
      await app.start({ skill: "listening", module: "academic", adjustment: "louder" }),
    );
    expect(wrong.errors?.[0]?.pointer).toBe("#/adjustment");
  });
});

describe("Speaking through the API, with recordings sent to an upload URL", () => {
  it("uploads a recording once, attaches it to a part, and submits typed and recorded parts", async () => {
    const { app } = await signedInApp("api-speaking");
    const id = dataOf(await app.start({ skill: "speaking", module: "academic" })).id;
    const test = dataOf(await app.speakingTask(id));
    expect(test.parts.map((p) => p.part)).toEqual([1, 2, 3]);
    expect(test.parts.every((p) => p.questions.length > 0 && p.recording === null)).toBe(true);

    const wav = tinyWav();
    const ticket = dataOf(
      await app.requestUpload(id, { part: 2, contentType: "audio/wav", bytes: wav.length }),
    );
    // Locally the app takes the PUT itself; the URL still carries no bearer token.
    expect(new URL(ticket.upload.url).origin).toBe(new URL(baseUrl).origin);
    expect(ticket.upload.headers["Content-Type"]).toBe("audio/wav");
    expect((await app.upload(ticket.upload, wav)).status).toBe(204);
    expect((await app.upload(ticket.upload, wav)).status).toBe(404);

    const typed =
      "I live in a flat near the centre of the city, and I like it because everything is close.";
    const saved = dataOf(
      await app.saveSpeaking(id, { transcripts: { "1": typed }, recordings: { "2": ticket.key } }),
    );
    expect(saved.parts.map((p) => [p.part, p.transcript === typed, p.recording])).toEqual([
      [1, true, null],
      [2, false, { contentType: "audio/wav" }],
      [3, false, null],
    ]);

    const submitted = await app.submitSpeaking(id, { scoring: "offline" });
    expect(submitted.status).toBe(202);
    expect(dataOf(submitted).status).toBe("queued");
    const stored = await getAssessment(id);
    expect(stored?.submission.kind === "speaking" && stored.submission.parts).toEqual([
      expect.objectContaining({ part: 1, transcript: typed }),
      expect.objectContaining({ part: 2, audioKey: ticket.key, audioMimeType: "audio/wav" }),
    ]);
    const done = await settled(app, id);
    expect(done.status).toBe("scored");
    // A recording nobody transcribed is not scored as silence (no band 0 for audio).
    expect(done.band).toBeGreaterThan(0);
  });

  it("refuses uploads over the limit, bodies other than the ticket's, and keys never sent", async () => {
    const { app } = await signedInApp("api-speaking-refusals");
    const id = dataOf(await app.start({ skill: "speaking", module: "general" })).id;

    const tooBig = await app.requestUpload(id, {
      part: 1,
      contentType: "audio/webm",
      bytes: LOCAL_UPLOAD_BYTES + 1,
    });
    expect(tooBig.status).toBe(413);
    expect(problemOf(tooBig).errors?.[0]).toMatchObject({ pointer: "#/bytes" });
    expect(problemOf(tooBig).errors?.[0]?.detail).toContain("larger than 4 MB");

    const notAudio = problemOf(
      await app.requestUpload(id, { part: 1, contentType: "text/html", bytes: 10 }),
    );
    expect(notAudio.errors?.[0]?.pointer).toBe("#/contentType");

    const wav = tinyWav();
    const ticket = dataOf(
      await app.requestUpload(id, { part: 3, contentType: "audio/wav", bytes: wav.length }),
    );
    const shorter = await app.upload(ticket.upload, wav.subarray(0, wav.length - 1));
    expect(shorter.status).toBe(400);
    const retyped = await app.upload(
      { ...ticket.upload, headers: { "Content-Type": "audio/ogg" } },
      wav,
    );
    expect(retyped.status).toBe(400);

    // Named but never sent: nothing is saved, not even the transcript beside it.
    const unsent = problemOf(
      await app.saveSpeaking(id, {
        transcripts: { "1": "Some words I said." },
        recordings: { "3": ticket.key },
      }),
    );
    expect(unsent.errors?.[0]).toMatchObject({ pointer: "#/recordings" });
    expect(dataOf(await app.speakingTask(id)).parts[0]?.transcript).toBe("");

    const nothing = problemOf(await app.submitSpeaking(id, {}));
    expect(nothing.errors?.[0]?.pointer).toBe("#/answers");
    const badPart = problemOf(await app.saveSpeaking(id, { recordings: { "4": "x" } as never }));
    expect(badPart.errors?.[0]?.pointer).toBe("#/recordings");

    const { app: other } = await signedInApp("api-speaking-stranger");
    expect(
      problemOf(await other.requestUpload(id, { part: 1, contentType: "audio/wav", bytes: 10 }))
        .status,
    ).toBe(404);
  });
});
