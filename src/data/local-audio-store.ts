import { createHash, randomBytes } from "node:crypto";
import { mkdir, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { dirname, join, relative, sep } from "node:path";
import { pathToFileURL } from "node:url";
import { checkKey, checkPrefix, isAudioKey, putTarget } from "./audio-keys";
import type { AudioStore, StoredAudio } from "./audio-store";

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
      .filter(isAudioKey)
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
