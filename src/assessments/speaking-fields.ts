// Names and limits the form and its browser code share: no dependencies, so the page's
// JavaScript stays small.

export const SPEAKING_PARTS = [1, 2, 3] as const;
export type SpeakingPart = (typeof SPEAKING_PARTS)[number];

export const MAX_TRANSCRIPT_WORDS = 2_000;
/**
 * A 2-minute answer is about 300 words; 2,000 words of long words is under 20,000 characters.
 * Three parts at this limit stay under DynamoDB's 400 KB item even in 4-byte characters.
 */
export const MAX_TRANSCRIPT_CHARS = 20_000;
/** Under the upload form's limit (see MAX_UPLOAD_BYTES): a 2-minute Opus answer is ~0.5 MB. */
export const MAX_AUDIO_BYTES = 4 * 1024 * 1024;

/**
 * A recording sent straight to storage (a presigned S3 PUT) skips the Lambda's 6 MB event, so a
 * part may be far longer or less compressed: 25 MB is about 13 minutes of 256 kbit/s M4A.
 */
export const MAX_DIRECT_AUDIO_BYTES = 25 * 1024 * 1024;

/** A hand-in the database would not take (throttled or unreachable past the retries). */
export const SPEAKING_HAND_IN_FAILED =
  "Your answers could not be handed in just now, because of a fault on our side. What you typed is still here: press Submit for scoring again in a moment.";
/** Said as well when the failed form carried recordings: a browser does not keep chosen files. */
export const CHOOSE_RECORDINGS_AGAIN = "Add the recordings you chose again before you submit.";

/** What a browser's recorder or a phone's voice memo produces, and its file extension. */
export const AUDIO_TYPES = {
  "audio/webm": "webm",
  "audio/ogg": "ogg",
  "audio/mpeg": "mp3",
  "audio/mp4": "m4a",
  "audio/wav": "wav",
  "audio/x-m4a": "m4a",
} as const;
export type AudioMimeType = keyof typeof AUDIO_TYPES;

/** "audio/webm;codecs=opus" -> "audio/webm": the codec is the recorder's business. */
export function baseMimeType(type: string): string {
  return (type.split(";")[0] ?? "").trim().toLowerCase();
}

export const transcriptField = (part: SpeakingPart) => `transcript-${part}` as const;
export const audioField = (part: SpeakingPart) => `audio-${part}` as const;
/** The key of a recording the browser already sent to storage itself. */
export const uploadedField = (part: SpeakingPart) => `uploaded-${part}` as const;

/** A file as the form sent it; `size` is counted even when the bytes were too many to keep. */
export interface AudioUpload {
  size: number;
  type: string;
}
