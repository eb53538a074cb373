import * as z from "zod";
import { validate } from "../accounts/validation";
import { countWords } from "../scoring/language/text";
import type { SpeakingSet } from "../content/schema";
import { tooLargeMessage } from "./recording-upload";
import {
  audioField,
  AUDIO_TYPES,
  baseMimeType,
  MAX_AUDIO_BYTES,
  MAX_TRANSCRIPT_CHARS,
  MAX_TRANSCRIPT_WORDS,
  SPEAKING_PARTS,
  transcriptField,
  type AudioMimeType,
  type AudioUpload,
  type SpeakingPart,
} from "./speaking-fields";

export interface SpeakingFormInput {
  intent: string;
  transcripts: Record<SpeakingPart, string>;
  uploads: Partial<Record<SpeakingPart, AudioUpload>>;
  /** Parts whose recording an earlier save already stored. */
  savedAudio: readonly SpeakingPart[];
}

const tooLong = `Keep each answer to ${MAX_TRANSCRIPT_WORDS.toLocaleString("en-GB")} words (${MAX_TRANSCRIPT_CHARS.toLocaleString("en-GB")} characters) or fewer. Nothing was saved yet: shorten it and save again.`;

const transcript = z
  .string()
  .max(MAX_TRANSCRIPT_CHARS, { error: tooLong })
  .refine((text) => countWords(text) <= MAX_TRANSCRIPT_WORDS, { error: tooLong });

const AUDIO_TYPE_NAMES = "WebM, Ogg, MP3, M4A or WAV";

const audio = z.object({
  size: z.number().max(MAX_AUDIO_BYTES, {
    error: tooLargeMessage(MAX_AUDIO_BYTES),
  }),
  type: z
    .string()
    .transform(baseMimeType)
    .pipe(
      z.enum(Object.keys(AUDIO_TYPES) as [AudioMimeType, ...AudioMimeType[]], {
        error: `Choose an audio file (${AUDIO_TYPE_NAMES}).`,
      }),
    ),
});

const speakingFormSchema = z
  .object({
    intent: z.enum(["save", "submit"], { error: "Choose “Save draft” or “Submit for scoring”." }),
    "transcript-1": transcript,
    "transcript-2": transcript,
    "transcript-3": transcript,
    "audio-1": audio.optional(),
    "audio-2": audio.optional(),
    "audio-3": audio.optional(),
    savedAudio: z.array(z.union([z.literal(1), z.literal(2), z.literal(3)])),
  })
  .superRefine((form, ctx) => {
    if (form.intent !== "submit") return;
    const answered = SPEAKING_PARTS.some(
      (part) =>
        form[transcriptField(part)].trim() !== "" ||
        form[audioField(part)] !== undefined ||
        form.savedAudio.includes(part),
    );
    if (!answered) {
      ctx.addIssue({
        code: "custom",
        path: ["answers"],
        message: "Answer at least one part, by typing what you would say or adding a recording.",
      });
    }
  });

export type SpeakingFormField =
  ReturnType<typeof transcriptField> | ReturnType<typeof audioField> | "intent" | "answers";

export type SpeakingFormResult =
  | {
      ok: true;
      intent: "save" | "submit";
      transcripts: Record<SpeakingPart, string>;
      uploads: Partial<Record<SpeakingPart, AudioMimeType>>;
    }
  | {
      ok: false;
      fieldErrors: Partial<Record<SpeakingFormField, string>>;
      /** An answer over its length limit: the route answers 413 rather than 400. */
      tooLarge: boolean;
    };

export function validateSpeakingForm(input: SpeakingFormInput): SpeakingFormResult {
  const result = validate(speakingFormSchema, {
    intent: input.intent,
    savedAudio: input.savedAudio,
    ...Object.fromEntries(
      SPEAKING_PARTS.flatMap((part) => [
        [transcriptField(part), input.transcripts[part]],
        [audioField(part), input.uploads[part]],
      ]),
    ),
  });
  if (!result.ok) {
    const fieldErrors = result.fieldErrors as Record<SpeakingFormField, string>;
    return { ok: false, fieldErrors, tooLarge: Object.values(fieldErrors).includes(tooLong) };
  }
  const data = result.data;
  const uploads: Partial<Record<SpeakingPart, AudioMimeType>> = {};
  for (const part of SPEAKING_PARTS) {
    const file = data[audioField(part)];
    if (file) uploads[part] = file.type;
  }
  return {
    ok: true,
    intent: data.intent,
    transcripts: {
      1: data["transcript-1"],
      2: data["transcript-2"],
      3: data["transcript-3"],
    },
    uploads,
  };
}

/** What the examiner asks in each part, in order; the cue card is Part 2's first "question". */
export function partQuestions(set: SpeakingSet): Record<SpeakingPart, string[]> {
  const card = set.part2.cueCard;
  return {
    1: set.part1.flatMap((topic) => topic.questions),
    2: [
      `${card.topic} You should say: ${card.points.join("; ")}; ${card.finalPoint}`,
      ...set.part2.roundingOff,
    ],
    3: set.part3.flatMap((theme) => theme.questions),
  };
}
