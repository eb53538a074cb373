import { randomBytes } from "node:crypto";
import * as z from "zod";
import type { AudioStore, UploadTarget } from "../data/audio-store";
import { LocalAudioStore, type LocalUploadOutcome } from "../data/local-audio-store";
import { audioUserPrefix, uploadedAudioKey } from "../data/keys";
import type { SpeakingDraft } from "./speaking";
import {
  AUDIO_TYPES,
  baseMimeType,
  MAX_DIRECT_AUDIO_BYTES,
  SPEAKING_PARTS,
  type AudioMimeType,
  type SpeakingPart,
} from "./speaking-fields";

/**
 * Recordings sent straight to storage: the client asks for a single-use upload, sends the bytes
 * there itself, and then names the key when it saves or submits its answers. Only then does the
 * draft point at the recording, after the store has confirmed it holds it.
 */

/** Long enough for a slow phone line to send 25 MB (about 12 minutes at 300 kbit/s). */
const UPLOAD_MINUTES = 20;

const partSchema = z.coerce
  .number({ error: "part is 1, 2 or 3." })
  .pipe(z.union([z.literal(1), z.literal(2), z.literal(3)], { error: "part is 1, 2 or 3." }));

const typeError = `contentType is one of ${Object.keys(AUDIO_TYPES).join(", ")}.`;

export const uploadRequestSchema = z.object({
  part: partSchema,
  contentType: z
    .string({ error: typeError })
    .transform(baseMimeType)
    .pipe(z.enum(Object.keys(AUDIO_TYPES) as [AudioMimeType, ...AudioMimeType[]], typeError)),
  bytes: z.coerce
    .number({ error: "bytes is the recording's size in bytes." })
    .int("bytes is the recording's size in bytes.")
    .min(1, "This recording is empty: record the answer again."),
});
export type UploadRequest = z.infer<typeof uploadRequestSchema>;

export type UploadTicket =
  | { ok: true; key: string; upload: UploadTarget }
  | { ok: false; reason: "too-large"; maxBytes: number };

/** The largest recording this store takes straight from the client. */
export function directUploadLimit(store: AudioStore): number {
  return Math.min(MAX_DIRECT_AUDIO_BYTES, store.maxUploadBytes);
}

export function tooLargeMessage(maxBytes: number): string {
  return `This recording is larger than ${Math.floor(maxBytes / 1024 / 1024)} MB. Record a shorter answer or choose a smaller file.`;
}

/**
 * A key of its own for every recording stored, whichever way it came: a save racing the hand-in
 * (another tab, a stale form) can then never replace the audio a submission points at.
 */
export function newRecordingKey(
  assessment: { userId: string; assessmentId: string },
  part: SpeakingPart,
  mimeType: AudioMimeType,
): string {
  const upload = randomBytes(8).toString("hex");
  return uploadedAudioKey(
    assessment.userId,
    assessment.assessmentId,
    part,
    upload,
    AUDIO_TYPES[mimeType],
  );
}

export async function requestRecordingUpload(
  { assessment }: SpeakingDraft,
  input: UploadRequest,
  store: AudioStore,
  now = new Date(),
): Promise<UploadTicket> {
  const maxBytes = directUploadLimit(store);
  if (input.bytes > maxBytes) return { ok: false, reason: "too-large", maxBytes };
  const key = newRecordingKey(assessment, input.part, input.contentType);
  const expiresAt = new Date(now.getTime() + UPLOAD_MINUTES * 60_000);
  const upload = await store.uploadTarget(key, input.contentType, input.bytes, expiresAt);
  return { ok: true, key, upload };
}

/** Keys the client says it sent, by part. */
export type UploadedRecordings = Partial<Record<SpeakingPart, string>>;

export type CheckedUploads =
  | { ok: true; audio: Partial<Record<SpeakingPart, { audioKey: string; audioMimeType: string }>> }
  | { ok: false; part: SpeakingPart };

/**
 * Each named key must be one this draft handed out for that part, and the store must hold it
 * with an audio type and within the limit: a key cannot point the draft at anyone else's file.
 */
export async function checkUploads(
  { assessment }: SpeakingDraft,
  uploaded: UploadedRecordings,
  store: AudioStore,
): Promise<CheckedUploads> {
  const audio: Partial<Record<SpeakingPart, { audioKey: string; audioMimeType: string }>> = {};
  for (const part of SPEAKING_PARTS) {
    const key = uploaded[part];
    if (!key) continue;
    const prefix = `${audioUserPrefix(assessment.userId)}${assessment.assessmentId}/part-${part}-`;
    const ours =
      key.startsWith(prefix) && /^[a-z0-9]{16}\.[a-z0-9]+$/.test(key.slice(prefix.length));
    const stored = ours ? await store.stat(key) : null;
    const mimeType = stored ? baseMimeType(stored.mimeType) : "";
    if (!stored || stored.bytes > MAX_DIRECT_AUDIO_BYTES || !(mimeType in AUDIO_TYPES)) {
      return { ok: false, part };
    }
    audio[part] = { audioKey: key, audioMimeType: mimeType };
  }
  return { ok: true, audio };
}

export type LocalUploadResult = LocalUploadOutcome | "not-local";

/**
 * Locally there is no S3: the app takes the PUT itself, with S3's checks (see LocalAudioStore).
 * With a bucket configured this path does not exist, so it cannot be used to bypass S3.
 */
export async function receiveLocalUpload(
  store: AudioStore,
  input: { ticket: string; bytes: Uint8Array; contentType: string },
): Promise<LocalUploadResult> {
  if (!(store instanceof LocalAudioStore)) return "not-local";
  return store.receiveUpload(input.ticket, input.bytes, baseMimeType(input.contentType));
}
