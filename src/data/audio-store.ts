import { LocalAudioStore } from "./local-audio-store";
import { localDir } from "./project-root";
import { S3AudioStore } from "./s3-audio-store";

type Env = Readonly<Record<string, string | undefined>>;

export interface StoredAudio {
  bytes: Uint8Array;
  mimeType: string;
}

/**
 * Where a client sends one recording itself, so that it never passes through the HTTP Lambda
 * (whose event is at most 6 MB): exactly `Content-Length` bytes, with the headers given.
 */
export interface UploadTarget {
  method: "PUT";
  url: string;
  headers: Record<string, string>;
  expiresAt: string;
}

/** Students' recordings: S3 in production, files under the project in Sandbox. */
export interface AudioStore {
  /** The largest recording `uploadTarget` can take. */
  readonly maxUploadBytes: number;
  /** A single-use place to send `bytes` bytes of `mimeType` to, stored under `key`. */
  uploadTarget(
    key: string,
    mimeType: string,
    bytes: number,
    expiresAt: Date,
  ): Promise<UploadTarget>;
  /** The size and type of a stored recording, or null when nothing is stored under `key`. */
  stat(key: string): Promise<{ bytes: number; mimeType: string } | null>;
  save(key: string, bytes: Uint8Array, mimeType: string): Promise<void>;
  load(key: string): Promise<StoredAudio>;
  /** Every key under `prefix` (a user's folder, from audioUserPrefix), for export and erasure. */
  list(prefix: string): Promise<string[]>;
  remove(key: string): Promise<void>;
  /** Where a service that reads the recording itself (Amazon Transcribe) finds it. */
  mediaUri(key: string): string;
}

export class AudioConfigurationError extends Error {
  override name = "AudioConfigurationError";
}

export function getAudioStore(env: Env = process.env): AudioStore {
  if (env.AUDIO_BUCKET) return new S3AudioStore(env.AUDIO_BUCKET, env.AUDIO_S3_ENDPOINT);
  if (env.ARC_SANDBOX || env.AUDIO_DIR) {
    const site = env.PUBLIC_BASE_URL ? new URL(env.PUBLIC_BASE_URL).origin : "";
    return new LocalAudioStore(localDir(env.AUDIO_DIR ?? ".data/audio", env), site);
  }
  // A Lambda's disk is read-only and discarded: recordings written there would be lost.
  throw new AudioConfigurationError("No audio store: set AUDIO_BUCKET (or AUDIO_DIR locally)");
}
