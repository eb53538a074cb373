import {
  DeleteObjectCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  HeadObjectCommand,
  NotFound,
  PutObjectCommand,
  S3Client,
} from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import { createHash, randomBytes } from "node:crypto";
import { mkdir, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { dirname, join, relative, sep } from "node:path";
import { pathToFileURL } from "node:url";
import { localDir } from "./project-root";

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

// Keys come from audioKey() (ids are UUIDs), but the local store turns them into paths, so
// anything else is refused rather than trusted not to climb out of the folder. A direct upload
// adds its own id, so a URL handed out earlier can never overwrite a recording handed in.
const KEY_PATTERN =
  /^audio\/[A-Za-z0-9-]+\/[A-Za-z0-9-]+\/part-[123](-[a-z0-9]{8,32})?\.[a-z0-9]+$/;

function checkKey(key: string): void {
  if (!KEY_PATTERN.test(key)) throw new Error(`Not an audio key: ${key}`);
}

const PREFIX_PATTERN = /^audio\/([A-Za-z0-9-]+\/)?$/;

function checkPrefix(prefix: string): void {
  if (!PREFIX_PATTERN.test(prefix)) throw new Error(`Not an audio prefix: ${prefix}`);
}

/**
 * The part of an upload target both stores share: a checked key, and a PUT that must carry the
 * recording's type; `issue` makes the store's own URL and any headers it signs in.
 */
async function putTarget(
  key: string,
  mimeType: string,
  expiresAt: Date,
  issue: () => Promise<{ url: string; headers?: Record<string, string> }>,
): Promise<UploadTarget> {
  checkKey(key);
  const { url, headers } = await issue();
  return {
    method: "PUT",
    url,
    headers: { "Content-Type": mimeType, ...headers },
    expiresAt: expiresAt.toISOString(),
  };
}

/** What a local upload URL was issued for, kept beside the recordings until it is used. */
interface LocalTicket {
  key: string;
  mimeType: string;
  bytes: number;
  expiresAt: string;
}

export type LocalUploadOutcome = "stored" | "unknown" | "expired" | "mismatch";

const TICKET_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/**
 * Sandbox, like Lambda, takes at most 6 MB of event, and a binary body arrives base64 encoded
 * (4/3 larger): a local upload goes through the HTTP function, so this is its ceiling.
 */
export const LOCAL_UPLOAD_BYTES = 4 * 1024 * 1024;

export class LocalAudioStore implements AudioStore {
  readonly maxUploadBytes = LOCAL_UPLOAD_BYTES;

  /** `uploadBase`: the site's address, which serves PUT /api/v1/uploads/<ticket> in S3's place. */
  constructor(
    private readonly root: string,
    private readonly uploadBase = "",
  ) {}

  private ticketPath(ticket: string): string {
    return join(this.root, "uploads", `${createHash("sha256").update(ticket).digest("hex")}.json`);
  }

  uploadTarget(key: string, mimeType: string, bytes: number, expiresAt: Date) {
    return putTarget(key, mimeType, expiresAt, async () => {
      const ticket = randomBytes(32).toString("base64url");
      const record: LocalTicket = { key, mimeType, bytes, expiresAt: expiresAt.toISOString() };
      // Stored by hash, like every other token: the folder holds nothing that opens an upload.
      await mkdir(join(this.root, "uploads"), { recursive: true });
      await writeFile(this.ticketPath(ticket), JSON.stringify(record));
      return { url: `${this.uploadBase}/api/v1/uploads/${ticket}` };
    });
  }

  /** S3's checks on a presigned PUT, locally: the ticket once, in time, and the bytes promised. */
  async receiveUpload(
    ticket: string,
    bytes: Uint8Array,
    contentType: string,
    now = new Date(),
  ): Promise<LocalUploadOutcome> {
    if (!TICKET_PATTERN.test(ticket)) return "unknown";
    const path = this.ticketPath(ticket);
    const text = await readFile(path, "utf8").catch(() => null);
    if (text === null) return "unknown";
    const record = JSON.parse(text) as LocalTicket;
    if (Date.parse(record.expiresAt) <= now.getTime()) {
      await rm(path, { force: true });
      return "expired";
    }
    if (bytes.length !== record.bytes || contentType !== record.mimeType) return "mismatch";
    await rm(path, { force: true });
    await this.save(record.key, bytes, record.mimeType);
    return "stored";
  }

  async stat(key: string): Promise<{ bytes: number; mimeType: string } | null> {
    checkKey(key);
    const path = join(this.root, key);
    try {
      const [info, mimeType] = await Promise.all([stat(path), readFile(`${path}.type`, "utf8")]);
      return { bytes: info.size, mimeType };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw error;
    }
  }

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
  /** S3's own limit for one PUT; the use cases set far lower ones. */
  readonly maxUploadBytes = 5 * 1024 ** 3;
  private readonly client: S3Client;

  /** `endpoint`: an S3-compatible server (a fake in tests), addressed path-style. */
  constructor(
    private readonly bucket: string,
    endpoint?: string,
  ) {
    this.client = new S3Client({
      // Otherwise the SDK signs a CRC32 of the empty body into every presigned URL, and S3
      // refuses the recording the client then sends (BadDigest).
      requestChecksumCalculation: "WHEN_REQUIRED",
      ...(endpoint ? { endpoint, forcePathStyle: true } : {}),
    });
  }

  uploadTarget(key: string, mimeType: string, bytes: number, expiresAt: Date) {
    return putTarget(key, mimeType, expiresAt, async () => {
      const command = new PutObjectCommand({
        Bucket: this.bucket,
        Key: key,
        ContentType: mimeType,
        ContentLength: bytes,
        ServerSideEncryption: "AES256",
      });
      const expiresIn = Math.max(1, Math.floor((expiresAt.getTime() - Date.now()) / 1000));
      // Type and length are signed, so S3 refuses any other body; the encryption header stays a
      // header (not hoisted to the query), so S3 encrypts what the client sends.
      const url = await getSignedUrl(this.client, command, {
        expiresIn,
        signableHeaders: new Set(["content-type", "content-length"]),
        unhoistableHeaders: new Set(["x-amz-server-side-encryption"]),
      });
      return { url, headers: { "x-amz-server-side-encryption": "AES256" } };
    });
  }

  async stat(key: string): Promise<{ bytes: number; mimeType: string } | null> {
    checkKey(key);
    try {
      const head = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return {
        bytes: head.ContentLength ?? 0,
        mimeType: head.ContentType ?? "application/octet-stream",
      };
    } catch (error) {
      // HEAD has no body, so a missing key may come back as a bare 404.
      const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata;
      if (error instanceof NotFound || status?.httpStatusCode === 404) return null;
      throw error;
    }
  }

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
  if (env.AUDIO_BUCKET) return new S3AudioStore(env.AUDIO_BUCKET, env.AUDIO_S3_ENDPOINT);
  if (env.ARC_SANDBOX || env.AUDIO_DIR) {
    const site = env.PUBLIC_BASE_URL ? new URL(env.PUBLIC_BASE_URL).origin : "";
    return new LocalAudioStore(localDir(env.AUDIO_DIR ?? ".data/audio", env), site);
  }
  // A Lambda's disk is read-only and discarded: recordings written there would be lost.
  throw new AudioConfigurationError("No audio store: set AUDIO_BUCKET (or AUDIO_DIR locally)");
}
