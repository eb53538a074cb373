import {
  ConflictException,
  GetTranscriptionJobCommand,
  StartTranscriptionJobCommand,
  TranscribeClient,
  type LanguageCode,
  type MediaFormat,
  type TranscriptionJob,
} from "@aws-sdk/client-transcribe";
import * as z from "zod";
import type { RecognisedSpeech } from "../domain/assessment";
import type { Env } from "./cloud-names";
import { transcriptionCostUsd } from "./prices";
import { singleAttemptConfig, type ClientOptions } from "./sdk-client";
import type { Recording, SpeechToText } from "./types";

const ENGINE = "amazon-transcribe";
const DEFAULT_LANGUAGE = "en-GB";

/** The recording could not be transcribed (the job failed, or Transcribe refused it). */
export class TranscriptionFailedError extends Error {
  override readonly name = "TranscriptionFailedError";
}

/**
 * The job was still running when the wait ran out. It keeps running on AWS: a retry of the
 * same recording finds it by name instead of starting (and paying for) another.
 */
export class TranscriptionPendingError extends Error {
  override readonly name = "TranscriptionPendingError";
}

// Browsers record webm (Chrome, Firefox) or mp4 (Safari); uploads may be anything Transcribe
// reads. Unlisted types are left for Transcribe to detect.
const MEDIA_FORMATS: Readonly<Record<string, MediaFormat>> = {
  "audio/webm": "webm",
  "audio/ogg": "ogg",
  "audio/mp4": "mp4",
  "audio/x-m4a": "m4a",
  "audio/m4a": "m4a",
  "audio/mpeg": "mp3",
  "audio/mp3": "mp3",
  "audio/wav": "wav",
  "audio/x-wav": "wav",
  "audio/wave": "wav",
  "audio/flac": "flac",
  "audio/amr": "amr",
};

function mediaFormat(mimeType: string | undefined): MediaFormat | undefined {
  return mimeType ? MEDIA_FORMATS[mimeType.split(";")[0]!.trim().toLowerCase()] : undefined;
}

// Transcribe's output: numbers arrive as strings, punctuation items carry no times.
const transcriptSchema = z.object({
  results: z.object({
    transcripts: z.array(z.object({ transcript: z.string() })),
    items: z.array(
      z.object({
        type: z.string(),
        alternatives: z
          .array(z.object({ content: z.string(), confidence: z.string().optional() }))
          .min(1),
        start_time: z.string().optional(),
        end_time: z.string().optional(),
      }),
    ),
  }),
});

/** The transcript text and the timed words of Transcribe's transcript JSON. */
function parseTranscript(json: unknown): Pick<RecognisedSpeech, "text" | "words"> {
  const parsed = transcriptSchema.safeParse(json);
  if (!parsed.success) {
    throw new TranscriptionFailedError(`Transcript not understood: ${parsed.error.message}`);
  }
  const { transcripts, items } = parsed.data.results;
  const words: RecognisedSpeech["words"] = [];
  for (const item of items) {
    if (item.type !== "pronunciation" || !item.start_time || !item.end_time) continue;
    const best = item.alternatives[0]!;
    const confidence = best.confidence === undefined ? NaN : Number(best.confidence);
    words.push({
      word: best.content,
      start: Number(item.start_time),
      end: Number(item.end_time),
      ...(confidence >= 0 && confidence <= 1 ? { confidence } : {}),
    });
  }
  return {
    text: transcripts
      .map((t) => t.transcript.trim())
      .join(" ")
      .trim(),
    words,
  };
}

export type TranscriberOptions = {
  client: TranscribeClient;
  languageCode?: string;
  /** First wait between polls; it grows by half each time up to maxPollMs. */
  pollMs?: number;
  maxPollMs?: number;
  /** How long to wait for one job before giving the recording back for a later retry. */
  maxWaitMs?: number;
  sleep?: (ms: number) => Promise<void>;
};

/** Like the Bedrock client: retries are ours (by job name), so the SDK's own are off. */
export function createTranscribeClient(options: ClientOptions = {}) {
  return new TranscribeClient(singleAttemptConfig(options));
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Amazon Transcribe batch jobs: start a job on the recording where it is stored, poll it with a
 * bounded wait, and read the transcript JSON from the URI the finished job gives. The transcript
 * stays in Transcribe's own bucket (no output bucket to grant or empty), behind a short-lived
 * presigned URI.
 */
export function createTranscriber(options: TranscriberOptions): SpeechToText {
  const { client } = options;
  const languageCode = options.languageCode ?? DEFAULT_LANGUAGE;
  const pollMs = options.pollMs ?? 2_000;
  const maxPollMs = options.maxPollMs ?? 8_000;
  const maxWaitMs = options.maxWaitMs ?? 60_000;
  const sleep = options.sleep ?? realSleep;

  async function start(recording: Recording): Promise<TranscriptionJob | undefined> {
    const format = mediaFormat(recording.mimeType);
    try {
      const output = await client.send(
        new StartTranscriptionJobCommand({
          TranscriptionJobName: recording.jobName,
          LanguageCode: languageCode as LanguageCode,
          Media: { MediaFileUri: recording.mediaUri },
          ...(format ? { MediaFormat: format } : {}),
        }),
      );
      return output.TranscriptionJob;
    } catch (error) {
      // Started before (a retry, or a duplicate delivery): wait for that job, pay once.
      if (error instanceof ConflictException) return undefined;
      if (isRefusal(error)) {
        throw new TranscriptionFailedError(`Transcribe refused the job: ${messageOf(error)}`, {
          cause: error,
        });
      }
      throw error;
    }
  }

  async function poll(jobName: string): Promise<TranscriptionJob> {
    const output = await client.send(
      new GetTranscriptionJobCommand({ TranscriptionJobName: jobName }),
    );
    if (!output.TranscriptionJob) throw new Error(`Transcribe returned no job for ${jobName}`);
    return output.TranscriptionJob;
  }

  return {
    name: "transcribe",
    async transcribe(recording) {
      const started = Date.now();
      let job = (await start(recording)) ?? (await poll(recording.jobName));
      let wait = pollMs;
      while (
        job.TranscriptionJobStatus === "QUEUED" ||
        job.TranscriptionJobStatus === "IN_PROGRESS"
      ) {
        if (Date.now() - started + wait > maxWaitMs) {
          throw new TranscriptionPendingError(
            `Transcription job ${recording.jobName} still ${job.TranscriptionJobStatus} after ${Date.now() - started} ms`,
          );
        }
        await sleep(wait);
        wait = Math.min(maxPollMs, Math.round(wait * 1.5));
        job = await poll(recording.jobName);
      }
      if (job.TranscriptionJobStatus === "FAILED") {
        throw new TranscriptionFailedError(
          `Transcription job ${recording.jobName} failed: ${job.FailureReason ?? "no reason given"}`,
        );
      }
      const uri = job.Transcript?.TranscriptFileUri;
      if (!uri) throw new Error(`Transcription job ${recording.jobName} has no transcript URI`);
      const response = await fetch(uri, { signal: AbortSignal.timeout(15_000) });
      if (!response.ok) throw new Error(`Transcript download failed: HTTP ${response.status}`);
      const { text, words } = parseTranscript(await response.json());
      // Billed on the recording's length; the last word's end is the nearest figure Transcribe
      // reports, so trailing silence is not counted.
      const seconds = words.reduce((last, w) => Math.max(last, w.end), 0);
      return {
        text,
        words,
        engine: ENGINE,
        languageCode: job.LanguageCode ?? languageCode,
        costUsd: transcriptionCostUsd(seconds),
        latencyMs: Date.now() - started,
      };
    },
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** A 4xx other than throttling: the same request would be refused again. */
function isRefusal(error: unknown): boolean {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  const status = e.$metadata?.httpStatusCode ?? 0;
  return status >= 400 && status < 500 && status !== 429 && e.name !== "LimitExceededException";
}

/**
 * SPEECH_TO_TEXT=transcribe turns on Amazon Transcribe for recordings with no typed transcript;
 * TRANSCRIBE_LANGUAGE picks the English variant (en-GB unless set), TRANSCRIBE_ENDPOINT points
 * the client at a fake in tests. Unset, there is no speech to text (recordings are kept, not
 * scored as silence).
 */
export function speechToTextFromEnv(env: Env = process.env): SpeechToText | null {
  const name = env.SPEECH_TO_TEXT?.trim();
  if (!name) return null;
  if (name !== "transcribe") {
    throw new Error(`SPEECH_TO_TEXT: unknown speech to text "${name}"; use transcribe.`);
  }
  const language = env.TRANSCRIBE_LANGUAGE?.trim() || DEFAULT_LANGUAGE;
  if (!/^en-[A-Z]{2}$/.test(language)) {
    throw new Error(
      `TRANSCRIBE_LANGUAGE: "${language}" is not an English variant (en-GB, en-US, en-AU, ...).`,
    );
  }
  return createTranscriber({
    client: createTranscribeClient({
      ...(env.TRANSCRIBE_ENDPOINT ? { endpoint: env.TRANSCRIBE_ENDPOINT } : {}),
      ...(env.AWS_REGION ? { region: env.AWS_REGION } : {}),
    }),
    languageCode: language,
  });
}
