import { moduleFrom } from "../../src/domain/module";
import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useRef } from "react";
import { CsrfInput } from "~/components/csrf-input";
import { FormMessage } from "~/components/field";
import { SpeakingRecorder } from "~/components/speaking-recorder";
import { NoCreditNotice } from "~/components/no-credit";
import { assessmentIdFrom, scoringOptions } from "~/models/assessments.server";
import {
  directUploadLimit,
  findSpeakingDraft,
  getAudioStore,
  openSpeakingDraft,
  partQuestions,
  publishEvent,
  requestRecordingUpload,
  saveSpeakingAnswers,
  tooLargeMessage,
  uploadRequestSchema,
  validateSpeakingForm,
} from "~/models/speaking.server";
import { mockSlot } from "~/models/objective.server";
import { answerCloudAudioConsent, cloudAudioConsent } from "~/models/privacy.server";
import { readUploadForm } from "~/security/multipart.server";
import { requireUser } from "~/permissions.server";
import styles from "~/styles/speaking.css";
import type { SpeakingFormField } from "../../src/assessments/speaking-form";
import {
  audioField,
  CHOOSE_RECORDINGS_AGAIN,
  MAX_AUDIO_BYTES,
  MAX_TRANSCRIPT_CHARS,
  MAX_TRANSCRIPT_WORDS,
  SPEAKING_HAND_IN_FAILED,
  SPEAKING_PARTS,
  transcriptField,
  uploadedField,
  type AudioMimeType,
  type AudioUpload,
  type SpeakingPart,
} from "../../src/assessments/speaking-fields";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export const meta: MetaFunction = () => [{ title: "Speaking test · IELTS AI Prep" }];

const MODULES = { academic: "Academic", general: "General Training" } as const;
type Module = keyof typeof MODULES;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const url = new URL(request.url);
  const mockId = await mockSlot(request, user.userId, "speaking");
  const { assessment, set } = await openSpeakingDraft(
    user.userId,
    moduleFrom(url.searchParams.get("module")),
    mockId,
  );
  const answers = assessment.submission.parts;
  return json({
    assessmentId: assessment.assessmentId,
    module: assessment.module,
    set,
    spoken: partQuestions(set),
    transcripts: Object.fromEntries(
      SPEAKING_PARTS.map((part) => [part, answers.find((a) => a.part === part)?.transcript ?? ""]),
    ) as Record<SpeakingPart, string>,
    savedAudio: SPEAKING_PARTS.filter((part) => answers.find((a) => a.part === part)?.audioKey),
    saved: url.searchParams.has("saved"),
    noCredit: url.searchParams.has("no-credit"),
    maxDirectBytes: directUploadLimit(getAudioStore()),
    audioConsent: (await cloudAudioConsent({ userId: user.userId })).given,
  });
}

type Values = Record<ReturnType<typeof transcriptField>, string>;

const MAX_ECHO_CHARS = 1_000_000;
const TOO_LARGE_TO_ECHO = `Your answers are far over ${MAX_TRANSCRIPT_CHARS.toLocaleString("en-GB")} characters a part, too long to show here again, so nothing was saved. Use your browser's Back button: what you typed is still there. Shorten it and save again.`;
const blankValues = Object.fromEntries(
  SPEAKING_PARTS.map((part) => [transcriptField(part), ""]),
) as Values;

export async function action({ request }: ActionFunctionArgs) {
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
  if (text("intent") === "upload-ticket") {
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

  const uploaded: Partial<Record<SpeakingPart, string>> = {};
  for (const part of SPEAKING_PARTS) {
    const key = text(uploadedField(part));
    if (key) uploaded[part] = key;
  }
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

const PARTS = {
  1: { title: "Part 1: Introduction and interview", timing: "4 to 5 minutes", limit: 300 },
  2: {
    title: "Part 2: Long turn",
    timing: "1 minute to prepare, then speak for up to 2 minutes",
    limit: 120,
  },
  3: { title: "Part 3: Discussion", timing: "4 to 5 minutes", limit: 300 },
} as const;

export default function SpeakingTest() {
  const data = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  // Only the recorder's background requests answer with `uploaded` or a ticket, and they go to its own fetch.
  const result = reply && "values" in reply ? reply : undefined;
  const navigation = useNavigation();
  const errors: Partial<Record<SpeakingFormField, string>> = result?.fieldErrors ?? {};
  const other: Module = data.module === "academic" ? "general" : "academic";
  const { set, maxDirectBytes } = data;
  return (
    <section className="speaking">
      <h1>Speaking test · {MODULES[data.module]}</h1>
      <p>
        Three parts, as in the test. For each part, type what you would say, or add a recording of
        your answer (up to {MAX_AUDIO_BYTES / 1024 / 1024} MB each: WebM, Ogg, MP3, M4A or WAV; save
        the draft after adding each large file). Pronunciation can only be scored from a recording.{" "}
        <Link to={`?module=${other}`}>Switch to {MODULES[other]}</Link>.
      </p>
      {data.noCredit ? (
        <NoCreditNotice form="speaking-form" skill="speaking" offlineIntent="submit-offline" />
      ) : null}
      <Form
        method="post"
        encType="multipart/form-data"
        className="form speaking-form"
        id="speaking-form"
        noValidate
      >
        <CsrfInput />
        <input type="hidden" name="assessmentId" value={data.assessmentId} />
        <FormMessage tone="error" message={result?.formError ?? errors.answers ?? errors.intent} />
        <FormMessage
          tone="info"
          message={!result && data.saved ? "Draft saved. Come back to it at any time." : null}
        />

        <PartFieldset
          part={1}
          spoken={data.spoken[1]}
          saved={data.savedAudio.includes(1)}
          maxDirectBytes={maxDirectBytes}
          value={result?.values["transcript-1"] ?? data.transcripts[1]}
          errors={errors}
        >
          {set.part1.map((topic) => (
            <div key={topic.topic}>
              <h3>{topic.topic}</h3>
              <ul>
                {topic.questions.map((q) => (
                  <li key={q}>{q}</li>
                ))}
              </ul>
            </div>
          ))}
        </PartFieldset>

        <PartFieldset
          part={2}
          spoken={data.spoken[2]}
          saved={data.savedAudio.includes(2)}
          maxDirectBytes={maxDirectBytes}
          value={result?.values["transcript-2"] ?? data.transcripts[2]}
          errors={errors}
        >
          <div className="cue-card">
            <p className="cue-card-topic">{set.part2.cueCard.topic}</p>
            <p>You should say:</p>
            <ul>
              {set.part2.cueCard.points.map((point) => (
                <li key={point}>{point}</li>
              ))}
            </ul>
            <p>{set.part2.cueCard.finalPoint}</p>
          </div>
          <p>Then the examiner may ask:</p>
          <ul>
            {set.part2.roundingOff.map((q) => (
              <li key={q}>{q}</li>
            ))}
          </ul>
        </PartFieldset>

        <PartFieldset
          part={3}
          spoken={data.spoken[3]}
          saved={data.savedAudio.includes(3)}
          maxDirectBytes={maxDirectBytes}
          value={result?.values["transcript-3"] ?? data.transcripts[3]}
          errors={errors}
        >
          {set.part3.map((theme) => (
            <div key={theme.theme}>
              <h3>{theme.theme}</h3>
              <ul>
                {theme.questions.map((q) => (
                  <li key={q}>{q}</li>
                ))}
              </ul>
            </div>
          ))}
        </PartFieldset>

        {data.audioConsent ? null : (
          <fieldset className="speaking-consent">
            <legend>Your recordings and the cloud model</legend>
            <p className="hint" id="cloud-audio-consent-hint">
              Recordings are scored by listening, which only a cloud model (Google Gemini) can do.
              They are sent only with your consent: without it, a part you only recorded is not
              scored (the recording is kept), and a typed part is scored from the text. See{" "}
              <Link to="/privacy">what we store</Link>; you can withdraw on your{" "}
              <Link to="/account">account page</Link>.
            </p>
            <label>
              <input
                type="checkbox"
                name="cloudAudioConsent"
                value="given"
                aria-describedby="cloud-audio-consent-hint"
              />{" "}
              I agree that my recordings are sent to Google Gemini to be scored
            </label>
          </fieldset>
        )}

        <div className="speaking-actions">
          <button
            type="submit"
            name="intent"
            value="save"
            className="button-secondary"
            disabled={navigation.state === "submitting"}
          >
            Save draft
          </button>
          <button
            type="submit"
            name="intent"
            value="submit"
            disabled={navigation.state === "submitting"}
          >
            Submit for scoring
          </button>
        </div>
      </Form>
    </section>
  );
}

function PartFieldset({
  part,
  spoken,
  saved,
  value,
  errors,
  maxDirectBytes,
  children,
}: {
  part: SpeakingPart;
  spoken: string[];
  saved: boolean;
  maxDirectBytes: number;
  value: string;
  errors: Partial<Record<SpeakingFormField, string>>;
  children: React.ReactNode;
}) {
  const transcriptRef = useRef<HTMLTextAreaElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const uploadedRef = useRef<HTMLInputElement>(null);
  const transcript = transcriptField(part);
  const audio = audioField(part);
  const { title, timing, limit } = PARTS[part];
  return (
    <fieldset className="speaking-part">
      <legend>{title}</legend>
      <p className="hint">{timing}</p>
      {children}
      <SpeakingRecorder
        part={part}
        questions={spoken}
        prepareSeconds={part === 2 ? 60 : undefined}
        limitSeconds={limit}
        transcriptRef={transcriptRef}
        fileRef={fileRef}
        uploadedRef={uploadedRef}
        maxDirectBytes={maxDirectBytes}
      />
      <input type="hidden" name={uploadedField(part)} ref={uploadedRef} defaultValue="" />
      <div className={errors[transcript] ? "field field-invalid" : "field"}>
        <label htmlFor={transcript}>Your answer, typed</label>
        <p className="hint" id={`${transcript}-hint`}>
          Write what you would say, as you would say it (up to{" "}
          {MAX_TRANSCRIPT_WORDS.toLocaleString("en-GB")} words). With a recording, this is its
          transcript: correct it if speech recognition misheard you.
        </p>
        <textarea
          id={transcript}
          name={transcript}
          ref={transcriptRef}
          rows={8}
          maxLength={MAX_TRANSCRIPT_CHARS}
          defaultValue={value}
          aria-invalid={errors[transcript] ? true : undefined}
          aria-describedby={`${transcript}-hint${errors[transcript] ? ` ${transcript}-error` : ""}`}
        />
        {errors[transcript] ? (
          <p className="field-error" id={`${transcript}-error`} role="alert">
            {errors[transcript]}
          </p>
        ) : null}
      </div>
      <div className={errors[audio] ? "field field-invalid" : "field"}>
        <label htmlFor={audio}>Or a recording of your answer</label>
        {saved ? (
          <p className="hint" id={`${audio}-hint`}>
            A recording of this part is saved. Choose another file to replace it.
          </p>
        ) : null}
        <input
          type="file"
          id={audio}
          name={audio}
          ref={fileRef}
          accept="audio/*"
          aria-invalid={errors[audio] ? true : undefined}
          aria-describedby={
            [saved ? `${audio}-hint` : null, errors[audio] ? `${audio}-error` : null]
              .filter(Boolean)
              .join(" ") || undefined
          }
        />
        {errors[audio] ? (
          <p className="field-error" id={`${audio}-error`} role="alert">
            {errors[audio]}
          </p>
        ) : null}
      </div>
    </fieldset>
  );
}
