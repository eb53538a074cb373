import type { S3Client } from "@aws-sdk/client-s3";
import { checkKey, checkPrefix, putTarget } from "./audio-keys";
import type { AudioStore, StoredAudio } from "./audio-store";

// Only speaking needs S3, and loading its SDK took a third of the HTTP Lambda's start-up
// (about 50 ms of its import time): it is loaded on the first recording, not at every start.
const loadSdk = () =>
  Promise.all([import("@aws-sdk/client-s3"), import("@aws-sdk/s3-request-presigner")]).then(
    ([s3, presigner]) => ({ ...s3, getSignedUrl: presigner.getSignedUrl }),
  );
type Sdk = Awaited<ReturnType<typeof loadSdk>>;

export class S3AudioStore implements AudioStore {
  /** S3's own limit for one PUT; the use cases set far lower ones. */
  readonly maxUploadBytes = 5 * 1024 ** 3;
  private connecting: Promise<{ sdk: Sdk; client: S3Client }> | undefined;

  /** `endpoint`: an S3-compatible server (a fake in tests), addressed path-style. */
  constructor(
    private readonly bucket: string,
    private readonly endpoint?: string,
  ) {}

  private connect() {
    this.connecting ??= loadSdk().then((sdk) => {
      const { endpoint } = this;
      const client = new sdk.S3Client({
        // Otherwise the SDK signs a CRC32 of the empty body into every presigned URL, and S3
        // refuses the recording the client then sends (BadDigest).
        requestChecksumCalculation: "WHEN_REQUIRED",
        ...(endpoint ? { endpoint, forcePathStyle: true } : {}),
      });
      return { sdk, client };
    });
    return this.connecting;
  }

  uploadTarget(key: string, mimeType: string, bytes: number, expiresAt: Date) {
    return putTarget(key, mimeType, expiresAt, async () => {
      const { sdk, client } = await this.connect();
      const command = new sdk.PutObjectCommand({
        Bucket: this.bucket,
        Key: key,
        ContentType: mimeType,
        ContentLength: bytes,
        ServerSideEncryption: "AES256",
      });
      const expiresIn = Math.max(1, Math.floor((expiresAt.getTime() - Date.now()) / 1000));
      // Type and length are signed, so S3 refuses any other body; the encryption header stays a
      // header (not hoisted to the query), so S3 encrypts what the client sends.
      const url = await sdk.getSignedUrl(client, command, {
        expiresIn,
        signableHeaders: new Set(["content-type", "content-length"]),
        unhoistableHeaders: new Set(["x-amz-server-side-encryption"]),
      });
      return { url, headers: { "x-amz-server-side-encryption": "AES256" } };
    });
  }

  async stat(key: string): Promise<{ bytes: number; mimeType: string } | null> {
    checkKey(key);
    const { sdk, client } = await this.connect();
    try {
      const head = await client.send(new sdk.HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return {
        bytes: head.ContentLength ?? 0,
        mimeType: head.ContentType ?? "application/octet-stream",
      };
    } catch (error) {
      // HEAD has no body, so a missing key may come back as a bare 404.
      const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata;
      if (error instanceof sdk.NotFound || status?.httpStatusCode === 404) return null;
      throw error;
    }
  }

  async save(key: string, bytes: Uint8Array, mimeType: string): Promise<void> {
    checkKey(key);
    const { sdk, client } = await this.connect();
    await client.send(
      new sdk.PutObjectCommand({
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
    const { sdk, client } = await this.connect();
    const output = await client.send(new sdk.GetObjectCommand({ Bucket: this.bucket, Key: key }));
    if (!output.Body) throw new Error(`Empty audio object: ${key}`);
    return {
      bytes: await output.Body.transformToByteArray(),
      mimeType: output.ContentType ?? "application/octet-stream",
    };
  }

  async list(prefix: string): Promise<string[]> {
    checkPrefix(prefix);
    const { sdk, client } = await this.connect();
    const keys: string[] = [];
    let token: string | undefined;
    do {
      const page = await client.send(
        new sdk.ListObjectsV2Command({
          Bucket: this.bucket,
          Prefix: prefix,
          ContinuationToken: token,
        }),
      );
      for (const object of page.Contents ?? []) if (object.Key) keys.push(object.Key);
      token = page.NextContinuationToken;
    } while (token);
    return keys.sort();
  }

  async remove(key: string): Promise<void> {
    checkKey(key);
    const { sdk, client } = await this.connect();
    await client.send(new sdk.DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }

  mediaUri(key: string): string {
    checkKey(key);
    return `s3://${this.bucket}/${key}`;
  }
}
