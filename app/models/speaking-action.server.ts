import { json, redirect } from "@remix-run/node";
import { assessmentIdFrom, scoringOptions } from "~/models/assessments.server";
import {
  findSpeakingDraft,
  getAudioStore,
  publishEvent,
  requestRecordingUpload,
  saveSpeakingAnswers,
  tooLargeMessage,
  uploadRequestSchema,
  validateSpeakingForm,
} from "~/models/speaking.server";
import { answerCloudAudioConsent } from "~/models/privacy.server";
import { readUploadForm, type UploadRead } from "~/security/multipart.server";
import { requireUser } from "~/permissions.server";
import type { SpeakingDraft } from "../../src/assessments/speaking";
import type { SpeakingFormField } from "../../src/assessments/speaking-form";
import {
  audioField,
  CHOOSE_RECORDINGS_AGAIN,
  MAX_AUDIO_BYTES,
  MAX_TRANSCRIPT_CHARS,
  SPEAKING_HAND_IN_FAILED,
  SPEAKING_PARTS,
  transcriptField,
  uploadedField,
  type AudioMimeType,
  type AudioUpload,
  type SpeakingPart,
} from "../../src/assessments/speaking-fields";

type Values = Record<ReturnType<typeof transcriptField>, string>;

const MAX_ECHO_CHARS = 1_000_000;
const TOO_LARGE_TO_ECHO = `Your answers are far over ${MAX_TRANSCRIPT_CHARS.toLocaleString("en-GB")} characters a part, too long to show here again, so nothing was saved. Use your browser's Back button: what you typed is still there. Shorten it and save again.`;
const blankValues = Object.fromEntries(
  SPEAKING_PARTS.map((part) => [transcriptField(part), ""]),
) as Values;

/** The Speaking page's action: a draft saved or handed in, or an upload ticket for the recorder. */
export async function speakingAction(request: Request) {
  const user = await requireUser(request);
  const { form, oversized, problem } = await readUploadForm(request, MAX_AUDIO_BYTES);
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : "";
  };
  const values = Object.fromEntries(
    SPEAKING_PARTS.map((part) => [transcriptField(part), text(transcriptField(part))]),
  ) as Values;
  // The page carries each answer twice (in the textarea and in Remix's data), and a Lambda
  // response is at most 6 MB: answers too large to show again are left where they are, in the
  // page the student came from.
  const echoed = Object.values(values).join("").length <= MAX_ECHO_CHARS;
  const fail = (
    status: number,
    formError: string | null,
    fieldErrors: Partial<Record<SpeakingFormField, string>> = {},
  ) =>
    echoed
      ? json({ values, formError, fieldErrors }, status)
      : json({ values: blankValues, formError: TOO_LARGE_TO_ECHO, fieldErrors }, 413);
  if (problem) return fail(403, problem);
  // An answer in its own right, kept even when the rest of the form must be corrected (the
  // page then no longer asks); an unticked box withdraws nothing (that is on the account page).
  if (form.get("cloudAudioConsent") === "given") {
    await answerCloudAudioConsent({ userId: user.userId }, { decision: "given" });
  }

  const draftId = assessmentIdFrom(text("assessmentId"));
  const { draft, assessment } = draftId
    ? await findSpeakingDraft(draftId, user.userId)
    : { draft: null, assessment: null };
  if (!draft) {
    if (assessment) return redirect(`/assessments/${assessment.assessmentId}`);
    throw json({ message: "We could not find that Speaking test." }, { status: 404 });
  }

  // The recorder asks where to send a recording itself (S3 in production): it wants JSON.
  if (text("intent") === "upload-ticket") return uploadTicket(draft, text);

  const uploaded: Partial<Record<SpeakingPart, string>> = {};
  for (const part of SPEAKING_PARTS) {
    const key = text(uploadedField(part));
    if (key) uploaded[part] = key;
  }
  const { files, uploads } = chosenFiles(form, oversized);
  // "Score it offline now" on the no-credit notice: a hand-in that asks for no cloud model.
  const offline = text("intent") === "submit-offline";
  const parsed = validateSpeakingForm({
    intent: offline ? "submit" : text("intent"),
    transcripts: {
      1: values["transcript-1"],
      2: values["transcript-2"],
      3: values["transcript-3"],
    },
    uploads,
    savedAudio: SPEAKING_PARTS.filter(
      (part) =>
        uploaded[part] || draft.assessment.submission.parts.find((p) => p.part === part)?.audioKey,
    ),
  });
  if (!parsed.ok) {
    const chooseAgain = SPEAKING_PARTS.some((part) => files[part]);
    return fail(
      parsed.tooLarge ? 413 : 400,
      chooseAgain
        ? "Nothing was saved yet: fix the marked answers and add your recordings again."
        : null,
      parsed.fieldErrors,
    );
  }

  const recordings: Partial<Record<SpeakingPart, { bytes: Uint8Array; mimeType: AudioMimeType }>> =
    {};
  for (const [part, mimeType] of Object.entries(parsed.uploads)) {
    const file = files[Number(part) as SpeakingPart];
    if (file) {
      recordings[Number(part) as SpeakingPart] = {
        bytes: new Uint8Array(await file.arrayBuffer()),
        mimeType,
      };
    }
  }
  let outcome;
  try {
    outcome = await saveSpeakingAnswers(
      draft,
      { intent: parsed.intent, transcripts: parsed.transcripts, recordings, uploaded },
      {
        store: getAudioStore(),
        publish: publishEvent,
        scoring: scoringOptions(offline ? "offline" : "cloud"),
      },
    );
  } catch (error) {
    // The database failed past its retries: the page comes back with the answers in it, rather
    // than an error page in its place. A hand-in that did land is found on the next press.
    console.error("speaking hand-in failed", draft.assessment.assessmentId, error);
    const withFiles = Object.keys(recordings).length > 0;
    return fail(
      503,
      withFiles ? `${SPEAKING_HAND_IN_FAILED} ${CHOOSE_RECORDINGS_AGAIN}` : SPEAKING_HAND_IN_FAILED,
    );
  }
  const id = draft.assessment.assessmentId;
  if (outcome === "not-uploaded") {
    return fail(
      400,
      "A recording you made did not reach us, so nothing was saved yet: record that part again, or choose the file, and save.",
    );
  }
  if (outcome === "no-credit") {
    return redirect(`/assessments/speaking/new?module=${draft.assessment.module}&no-credit=1`);
  }
  if (outcome === "saved") {
    // The recorder uploads each part in the background as it ends: it wants an answer, not a page.
    if (text("background") === "1") return json({ uploaded: true });
    return redirect(`/assessments/speaking/new?module=${draft.assessment.module}&saved=1`);
  }
  return redirect(`/assessments/${id}`);
}

async function uploadTicket(draft: SpeakingDraft, text: (name: string) => string) {
  const input = uploadRequestSchema.safeParse({
    part: text("part"),
    contentType: text("contentType"),
    bytes: text("bytes"),
  });
  if (!input.success) {
    return json({ error: input.error.issues[0]?.message ?? "Record the answer again." }, 400);
  }
  const ticket = await requestRecordingUpload(draft, input.data, getAudioStore());
  if (!ticket.ok) return json({ error: tooLargeMessage(ticket.maxBytes) }, 413);
  return json({ ticket: { key: ticket.key, upload: ticket.upload } });
}

/** The recordings sent with the form, and what each claims to be (a dropped one only claims). */
function chosenFiles(form: FormData, oversized: UploadRead["oversized"]) {
  const files: Partial<Record<SpeakingPart, File>> = {};
  const uploads: Partial<Record<SpeakingPart, AudioUpload>> = {};
  for (const part of SPEAKING_PARTS) {
    const name = audioField(part);
    const value = form.get(name);
    if (value instanceof File && value.size > 0) {
      files[part] = value;
      uploads[part] = { size: value.size, type: value.type };
    }
    const dropped = oversized.get(name);
    if (dropped) uploads[part] = dropped;
  }
  return { files, uploads };
}
