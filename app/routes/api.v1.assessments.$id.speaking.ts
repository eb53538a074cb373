import type * as z from "zod";
import { speakingBody } from "~/api-contract/requests.server";
import {
  detailOf,
  findSpeakingDraft,
  getAudioStore,
  ownSpeakingTask,
  publishEvent,
  saveSpeakingAnswers,
  scoringOptions,
  speakingTaskView,
  validateSpeakingForm,
} from "~/models/student-work.server";
import { apiRoute, problem, readJson, validated } from "~/api.server";
import { ownedFinder } from "~/api-own.server";
import { requireApiClient, type ApiClient } from "~/permissions.server";
import { SPEAKING_PARTS } from "../../src/assessments/speaking-fields";

const ownTask = ownedFinder(ownSpeakingTask, "There is no such Speaking test.");

/** The web form's field names, as pointers into the JSON body. */
function pointer(field: string): string {
  return field
    .replace(/^transcript-(\d)$/, "transcripts/$1")
    .replace(/^audio-(\d)$/, "recordings/$1");
}

/**
 * Save and submit share the checks of the web form: what the body leaves out keeps its saved
 * value, and a part may be answered by its transcript, its recording, or both.
 */
async function answer(
  request: Request,
  client: ApiClient,
  id: string | undefined,
  intent: "save" | "submit",
) {
  const body: z.infer<typeof speakingBody> = validated(
    request,
    speakingBody,
    await readJson(request),
  );
  const { draft, assessment } = await findSpeakingDraft(id ?? "", client.user.userId);
  if (!assessment) throw problem(request, "not-found", "There is no such Speaking test.");
  if (!draft) throw problem(request, "conflict", "This test was already handed in.");
  const saved = draft.assessment.submission.parts;
  const transcripts = Object.fromEntries(
    SPEAKING_PARTS.map((part) => [
      part,
      body.transcripts[part] ?? saved.find((p) => p.part === part)?.transcript ?? "",
    ]),
  ) as Record<1 | 2 | 3, string>;
  const parsed = validateSpeakingForm({
    intent,
    transcripts,
    uploads: {},
    savedAudio: SPEAKING_PARTS.filter(
      (part) => body.recordings[part] || saved.find((p) => p.part === part)?.audioKey,
    ),
  });
  if (!parsed.ok) {
    throw problem(request, "validation", "Check the fields listed.", {
      fieldErrors: Object.fromEntries(
        Object.entries(parsed.fieldErrors).map(([field, message]) => [pointer(field), message]),
      ),
    });
  }
  const outcome = await saveSpeakingAnswers(
    draft,
    { intent, transcripts: parsed.transcripts, recordings: {}, uploaded: body.recordings },
    { store: getAudioStore(), publish: publishEvent, scoring: scoringOptions(body.scoring) },
  );
  switch (outcome) {
    case "not-uploaded":
      throw problem(request, "validation", "Check the fields listed.", {
        fieldErrors: {
          recordings:
            "A recording named here has not arrived: send it to its upload URL (or ask for a new one), then try again. Nothing was saved.",
        },
      });
    case "no-credit":
      throw problem(
        request,
        "no-credit",
        "Your answers are saved as the draft. Submit them with scoring: offline, or buy more.",
      );
    case "closed":
      throw problem(request, "conflict", "This test was already handed in.");
    default:
      return outcome;
  }
}

const route = apiRoute({
  GET: async ({ request, params }) => {
    const client = await requireApiClient(request);
    return { data: speakingTaskView(await ownTask(request, client, params.id)) };
  },
  PUT: async ({ request, params }) => {
    const client = await requireApiClient(request);
    await answer(request, client, params.id, "save");
    return { data: speakingTaskView(await ownTask(request, client, params.id)) };
  },
  POST: async ({ request, params }) => {
    const client = await requireApiClient(request);
    await answer(request, client, params.id, "submit");
    return { status: 202, data: detailOf(await ownTask(request, client, params.id)) };
  },
});

export const loader = route.loader;
export const action = route.action;
