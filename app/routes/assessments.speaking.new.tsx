import { moduleFrom } from "../../src/domain/module";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { CsrfInput } from "~/components/csrf-input";
import { FormMessage } from "~/components/field";
import { NoCreditNotice } from "~/components/no-credit";
import { CloudAudioConsent } from "~/components/speaking/CloudAudioConsent";
import { PartFieldset } from "~/components/speaking/PartFieldset";
import { PartPrompts } from "~/components/speaking/PartPrompts";
import {
  directUploadLimit,
  getAudioStore,
  openSpeakingDraft,
  partQuestions,
} from "~/models/speaking.server";
import { speakingAction } from "~/models/speaking-action.server";
import { mockSlot } from "~/models/objective.server";
import { cloudAudioConsent } from "~/models/privacy.server";
import { requireUser } from "~/permissions.server";
import styles from "~/styles/speaking.css";
import type { SpeakingFormField } from "../../src/assessments/speaking-form";
import {
  MAX_AUDIO_BYTES,
  SPEAKING_PARTS,
  transcriptField,
  type SpeakingPart,
} from "../../src/assessments/speaking-fields";
import { stylesheet, pageTitle } from "~/route-head";

export const links = stylesheet(styles);

export const meta = pageTitle("Speaking test");

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

export function action({ request }: ActionFunctionArgs) {
  return speakingAction(request);
}

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

        {SPEAKING_PARTS.map((part) => (
          <PartFieldset
            key={part}
            part={part}
            spoken={data.spoken[part]}
            saved={data.savedAudio.includes(part)}
            maxDirectBytes={maxDirectBytes}
            value={result?.values[transcriptField(part)] ?? data.transcripts[part]}
            errors={errors}
          >
            <PartPrompts part={part} set={set} />
          </PartFieldset>
        ))}

        {data.audioConsent ? null : <CloudAudioConsent />}

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
