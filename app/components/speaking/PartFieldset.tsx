import { useRef } from "react";
import type { SpeakingFormField } from "../../../src/assessments/speaking-form";
import {
  audioField,
  MAX_TRANSCRIPT_CHARS,
  MAX_TRANSCRIPT_WORDS,
  transcriptField,
  uploadedField,
  type SpeakingPart,
} from "../../../src/assessments/speaking-fields";
import { FieldError } from "~/components/field";
import { SpeakingRecorder } from "./SpeakingRecorder";

const PARTS = {
  1: { title: "Part 1: Introduction and interview", timing: "4 to 5 minutes", limit: 300 },
  2: {
    title: "Part 2: Long turn",
    timing: "1 minute to prepare, then speak for up to 2 minutes",
    limit: 120,
  },
  3: { title: "Part 3: Discussion", timing: "4 to 5 minutes", limit: 300 },
} as const;

/** One Speaking part: its prompts, the recorder, and the typed answer or a chosen file. */
export function PartFieldset({
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
        <FieldError id={transcript} error={errors[transcript]} />
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
        <FieldError id={audio} error={errors[audio]} />
      </div>
    </fieldset>
  );
}
