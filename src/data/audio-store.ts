import {
  DeleteObjectCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from "@aws-sdk/client-s3";
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { dirname, join, relative, sep } from "node:path";
import { pathToFileURL } from "node:url";
import { localDir } from "./project-root";

type Env = Readonly<Record<string, string | undefined>>;

export interface StoredAudio {
  bytes: Uint8Array;
  mimeType: string;
}

/** Students' recordings: S3 in production, files under the project in Sandbox. */
export interface AudioStore {
  save(key: string, bytes: Uint8Array, mimeType: string): Promise<void>;
  load(key: string): Promise<StoredAudio>;
  /** Every key under `prefix` (a user's folder, from audioUserPrefix), for export and erasure. */
  list(prefix: string): Promise<string[]>;
  remove(key: string): Promise<void>;
  /** Where a service that reads the recording itself (Amazon Transcribe) finds it. */
  mediaUri(key: string): string;
}

// Keys come from audioKey() (ids are UUIDs), but the local store turns them into paths, so
// anything else is refused rather than trusted not to climb out of the folder.
const KEY_PATTERN = /^audio\/[A-Za-z0-9-]+\/[A-Za-z0-9-]+\/part-[123]\.[a-z0-9]+$/;

function checkKey(key: string): void {
  if (!KEY_PATTERN.test(key)) throw new Error(`Not an audio key: ${key}`);
}

const PREFIX_PATTERN = /^audio\/([A-Za-z0-9-]+\/)?$/;

function checkPrefix(prefix: string): void {
  if (!PREFIX_PATTERN.test(prefix)) throw new Error(`Not an audio prefix: ${prefix}`);
}

export class LocalAudioStore implements AudioStore {
  constructor(private readonly root: string) {}

  async save(key: string, bytes: Uint8Array, mimeType: string): Promise<void> {
    checkKey(key);
    const path = join(this.root, key);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, bytes);
    // Files carry no content type, and audio/mp4 and audio/x-m4a share an extension.
    await writeFile(`${path}.type`, mimeType);
  }

  async load(key: string): Promise<StoredAudio> {
    checkKey(key);
    const path = join(this.root, key);
    const [bytes, mimeType] = await Promise.all([readFile(path), readFile(`${path}.type`, "utf8")]);
    return { bytes: new Uint8Array(bytes), mimeType };
  }

  async list(prefix: string): Promise<string[]> {
    checkPrefix(prefix);
    const entries = await readdir(join(this.root, prefix), { recursive: true }).catch(
      (error: NodeJS.ErrnoException) => {
        if (error.code === "ENOENT") return [];
        throw error;
      },
    );
    return entries
      .map((entry) =>
        relative(this.root, join(this.root, prefix, entry))
          .split(sep)
          .join("/"),
      )
      .filter((key) => KEY_PATTERN.test(key))
      .sort();
  }

  async remove(key: string): Promise<void> {
    checkKey(key);
    const path = join(this.root, key);
    await Promise.all([rm(path, { force: true }), rm(`${path}.type`, { force: true })]);
  }

  // Only a local fake can read a file: a real Transcribe needs AUDIO_BUCKET.
  mediaUri(key: string): string {
    checkKey(key);
    return pathToFileURL(join(this.root, key)).href;
  }
}

export class S3AudioStore implements AudioStore {
  private readonly client = new S3Client({});

  constructor(private readonly bucket: string) {}

  async save(key: string, bytes: Uint8Array, mimeType: string): Promise<void> {
    checkKey(key);
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: key,
        Body: bytes,
        ContentType: mimeType,
        ServerSideEncryption: "AES256",
      }),
    );
  }

  async load(key: string): Promise<StoredAudio> {
    checkKey(key);
    const output = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
    if (!output.Body) throw new Error(`Empty audio object: ${key}`);
    return {
      bytes: await output.Body.transformToByteArray(),
      mimeType: output.ContentType ?? "application/octet-stream",
    };
  }

  async list(prefix: string): Promise<string[]> {
    checkPrefix(prefix);
    const keys: string[] = [];
    let token: string | undefined;
    do {
      const page = await this.client.send(
        new ListObjectsV2Command({ Bucket: this.bucket, Prefix: prefix, ContinuationToken: token }),
      );
      for (const object of page.Contents ?? []) if (object.Key) keys.push(object.Key);
      token = page.NextContinuationToken;
    } while (token);
    return keys.sort();
  }

  async remove(key: string): Promise<void> {
    checkKey(key);
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }

  mediaUri(key: string): string {
    checkKey(key);
    return `s3://${this.bucket}/${key}`;
  }
}

export class AudioConfigurationError extends Error {
  override name = "AudioConfigurationError";
}

export function getAudioStore(env: Env = process.env): AudioStore {
  if (env.AUDIO_BUCKET) return new S3AudioStore(env.AUDIO_BUCKET);
  if (env.ARC_SANDBOX || env.AUDIO_DIR) {
    return new LocalAudioStore(localDir(env.AUDIO_DIR ?? ".data/audio", env));
  }
  // A Lambda's disk is read-only and discarded: recordings written there would be lost.
  throw new AudioConfigurationError("No audio store: set AUDIO_BUCKET (or AUDIO_DIR locally)");
}
