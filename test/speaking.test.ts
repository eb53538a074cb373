import { describe, expect, it } from "vitest";
import { getAssessment } from "../src/data/assessments";
import { MAX_AUDIO_BYTES } from "../src/assessments/speaking-fields";
import type { FormClient } from "./support/client";
import { signedInClient } from "./support/users";
import { settled } from "./support/assessments";

const PAGE = "/assessments/speaking/new?module=general";

const ANSWERS = {
  "transcript-1":
    "I am a student at the moment. I study civil engineering, and what I like most is the practical work, because we build small models of bridges and then test how much weight they can hold.",
  "transcript-2":
    "I would like to talk about a time when a stranger helped me at a railway station. I had lost my ticket and the train was leaving in five minutes. A woman who was waiting on the platform noticed that I was worried, so she asked me what had happened and then showed me how to buy a new ticket on my phone. I felt very grateful, because without her help I would have missed an important exam.",
  "transcript-3":
    "I think some people are more willing to help strangers because they were taught to do so as children. In villages people know each other, so they tend to help more, whereas in big cities everyone is in a hurry and people often assume that someone else will help.",
};

function hiddenFields(html: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [, name, value] of html.matchAll(
    /<input type="hidden" name="([^"]+)" value="([^"]*)"/g,
  )) {
    fields[name!] = value!;
  }
  return fields;
}

/**
 * A new student's draft, then "Kept" and `length` letters saved as all three transcripts: that
 * text, the reply, the draft as it was before, and a way to read it again after.
 */
async function saveAllThree(label: string, length: number) {
  const long = `Kept${"a".repeat(length)}`;
  const { client } = await signedInClient(label);
  const page = hiddenFields(await (await client.get(PAGE)).text());
  const before = await getAssessment(page.assessmentId!);
  const response = await postMultipart(
    client,
    { intent: "save", "transcript-1": long, "transcript-2": long, "transcript-3": long },
    {},
  );
  return { long, response, before, draft: () => getAssessment(page.assessmentId!) };
}

// FormClient posts url-encoded forms; a form with a file goes as multipart, as a browser sends it.
async function postMultipart(
  client: FormClient,
  fields: Record<string, string>,
  files: Record<string, Blob>,
): Promise<Response> {
  const page = await client.get(PAGE);
  const body = new FormData();
  for (const [name, value] of Object.entries({ ...hiddenFields(await page.text()), ...fields })) {
    body.append(name, value);
  }
  for (const [name, blob] of Object.entries(files)) body.append(name, blob, `${name}.wav`);
  return fetch(new URL(PAGE, client.origin), {
    method: "POST",
    headers: {
      cookie: client.cookieHeader(),
      origin: client.origin,
      "sec-fetch-site": "same-origin",
    },
    body,
    redirect: "manual",
  });
}

describe("a Speaking test through the page, without JavaScript", () => {
  it("keeps a draft, refuses an oversized recording with the text kept, and scores typed answers", async () => {
    const { client, user } = await signedInClient("speaker");
    const first = await client.get(PAGE);
    expect(first.status).toBe(200);
    const html = await first.text();
    expect(html).toContain("Part 2: Long turn");
    expect(html).toContain("You should say:");
    const id = hiddenFields(html).assessmentId!;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);

    const saved = await client.submit(PAGE, {
      intent: "save",
      "transcript-1": ANSWERS["transcript-1"],
    });
    expect(saved.status).toBe(302);
    expect(saved.headers.get("location")).toContain("saved=1");
    const reloaded = await (await client.follow(saved)).text();
    expect(hiddenFields(reloaded).assessmentId).toBe(id);
    expect(reloaded).toContain("what I like most is the practical work");
    expect(reloaded).toContain("Draft saved");

    const tooBig = await postMultipart(
      client,
      { intent: "submit", "transcript-2": ANSWERS["transcript-2"] },
      { "audio-1": new Blob([new Uint8Array(MAX_AUDIO_BYTES + 1)], { type: "audio/wav" }) },
    );
    expect(tooBig.status).toBe(400);
    const refused = await tooBig.text();
    expect(refused).toContain(`This recording is larger than ${MAX_AUDIO_BYTES / 1024 / 1024} MB`);
    expect(refused).toContain("a stranger helped me at a railway station");
    expect((await getAssessment(id))?.status).toBe("draft");

    const notAudio = await postMultipart(
      client,
      { intent: "save" },
      { "audio-3": new Blob(["<svg/>"], { type: "image/svg+xml" }) },
    );
    expect(notAudio.status).toBe(400);
    expect(await notAudio.text()).toContain("Choose an audio file");

    const submitted = await client.submit(PAGE, { intent: "submit", ...ANSWERS });
    expect(submitted.status).toBe(302);
    expect(submitted.headers.get("location")).toBe(`/assessments/${id}`);

    const scored = await settled(id);
    expect(scored.status).toBe("scored");
    expect(scored.userId).toBe(user.userId);
    expect(scored.submission).toMatchObject({ kind: "speaking", module: "general" });
    const result = scored.result!;
    expect(result.criteria.P).toBeUndefined();
    expect(result.criteria.FC).toBeGreaterThan(0);
    expect(result.feedback.points.map((p) => p.text).join(" ")).toContain(
      "Pronunciation was not assessed",
    );
    // The result page says the offline speaking scales are unchecked rather than quoting figures.
    const resultPage = await (await client.get(`/assessments/${id}`)).text();
    expect(resultPage).toContain("How sure is this band?");
    expect(resultPage).toContain("No examiner-marked answers were available to check them");

    // A submitted test is not reopened: the next visit starts a new draft on another set.
    const next = hiddenFields(await (await client.get(PAGE)).text());
    expect(next.assessmentId).not.toBe(id);
    expect((await getAssessment(next.assessmentId!))?.questionId).not.toBe(scored.questionId);
  });

  it("refuses a form without the page's CSRF token, keeping the answer", async () => {
    const { client } = await signedInClient("speaker-csrf");
    const page = hiddenFields(await (await client.get(PAGE)).text());
    const response = await client.post(PAGE, {
      csrf: "x".repeat(43),
      assessmentId: page.assessmentId!,
      intent: "save",
      "transcript-1": "Kept after the refusal.",
    });
    expect(response.status).toBe(403);
    expect(await response.text()).toContain("Kept after the refusal.");
  });

  // Three 1 MB transcripts were one word each, so the word limit let them through to DynamoDB,
  // whose 400 KB item limit threw: a 500, and the text gone.
  it("refuses three 1 MB transcripts with 413 and says to go back, keeping the saved draft", async () => {
    const { response, before, draft } = await saveAllThree("speaker-huge", 1_000_000);
    expect(response.status).toBe(413);
    const html = await response.text();
    expect(html).toContain("Back button");
    expect((await draft())?.updatedAt).toBe(before?.updatedAt);
  });

  it("keeps 300 KB transcripts in the form with 413 (over the item limit together)", async () => {
    const { long, response, before, draft } = await saveAllThree("speaker-large", 300_000);
    expect(response.status).toBe(413);
    const html = await response.text();
    expect(html).toContain("20,000 characters");
    expect(html).toContain(`>${long}</textarea>`);
    expect((await draft())?.updatedAt).toBe(before?.updatedAt);
  });

  it("answers 404, not 500, for an empty, missing or over-long assessment id", async () => {
    const { client } = await signedInClient("speaker-id");
    const page = hiddenFields(await (await client.get(PAGE)).text());
    for (const assessmentId of ["", "a".repeat(3000), undefined]) {
      const fields: Record<string, string> = { csrf: page.csrf!, intent: "save" };
      if (assessmentId !== undefined) fields.assessmentId = assessmentId;
      const response = await client.post(PAGE, fields);
      expect(response.status).toBe(404);
      expect(await response.text()).toContain("We could not find that Speaking test.");
    }
  });
});
