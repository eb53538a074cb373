import { createHash, createHmac } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { crc32 } from "node:zlib";

/**
 * A fake Amazon S3 for the real S3 client (path-style, `forcePathStyle`) and for presigned
 * URLs: PUT, HEAD, GET and DELETE of objects and ListObjectsV2, in memory. A presigned request
 * is checked as S3 checks it: Signature Version 4 recomputed with the shared secret, its expiry,
 * and the signed headers (so a body longer or of another type than was signed is refused).
 */

interface StoredObject {
  body: Buffer;
  contentType: string;
  encryption?: string;
}

export interface FakeS3 {
  url: string;
  objects: Map<string, StoredObject>;
  /** Every request: method, path and whether it was presigned. */
  requests: { method: string; path: string; presigned: boolean; status: number }[];
  reset(): void;
  close(): Promise<void>;
}

const SCOPE = /^(\d{8})\/([^/]+)\/s3\/aws4_request$/;

/** RFC 3986 encoding, as SigV4 wants it (encodeURIComponent leaves !'()* alone). */
function encode(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

function hmac(key: Buffer | string, data: string): Buffer {
  return createHmac("sha256", key).update(data).digest();
}

function xmlError(res: ServerResponse, status: number, code: string, message: string): void {
  res.writeHead(status, { "content-type": "application/xml" });
  res.end(
    `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${message}</Message></Error>`,
  );
}

/** Why a presigned request would be refused by S3, or null when it is good. */
function checkPresigned(
  req: IncomingMessage,
  url: URL,
  secret: string,
  bodyLength: number,
): string | null {
  const q = url.searchParams;
  if (q.get("X-Amz-Algorithm") !== "AWS4-HMAC-SHA256") return "SignatureDoesNotMatch";
  const scope = (q.get("X-Amz-Credential") ?? "").split("/").slice(1).join("/");
  const match = SCOPE.exec(scope);
  const amzDate = q.get("X-Amz-Date") ?? "";
  if (!match || !amzDate.startsWith(match[1]!)) return "AuthorizationQueryParametersError";
  const signedAt = Date.parse(
    `${amzDate.slice(0, 4)}-${amzDate.slice(4, 6)}-${amzDate.slice(6, 8)}T${amzDate.slice(9, 11)}:${amzDate.slice(11, 13)}:${amzDate.slice(13, 15)}Z`,
  );
  if (Date.now() > signedAt + Number(q.get("X-Amz-Expires") ?? 0) * 1000) return "AccessDenied";

  const signedHeaders = (q.get("X-Amz-SignedHeaders") ?? "").split(";");
  // S3 compares the signed length with the body it receives, not only with the header.
  if (
    signedHeaders.includes("content-length") &&
    Number(req.headers["content-length"]) !== bodyLength
  ) {
    return "SignatureDoesNotMatch";
  }
  const query = [...q.entries()]
    .filter(([name]) => name !== "X-Amz-Signature")
    .map(([name, value]) => `${encode(name)}=${encode(value)}`)
    .sort()
    .join("&");
  const headers = signedHeaders
    .map((name) => `${name}:${String(req.headers[name] ?? "").trim()}\n`)
    .join("");
  const canonical = [
    req.method,
    url.pathname,
    query,
    headers,
    signedHeaders.join(";"),
    "UNSIGNED-PAYLOAD",
  ].join("\n");
  const toSign = [
    "AWS4-HMAC-SHA256",
    amzDate,
    scope,
    createHash("sha256").update(canonical).digest("hex"),
  ].join("\n");
  const [, date, region] = match;
  const key = hmac(hmac(hmac(hmac(`AWS4${secret}`, date!), region!), "s3"), "aws4_request");
  const signature = hmac(key, toSign).toString("hex");
  if (signature !== q.get("X-Amz-Signature")) return "SignatureDoesNotMatch";
  return null;
}

/**
 * A checksum named in the URL is the body's, and S3 refuses a body that does not match it: an
 * SDK that computes one at signing time (of no body) makes every real upload fail.
 */
function checksumMismatch(url: URL, body: Buffer): boolean {
  const crc = url.searchParams.get("x-amz-checksum-crc32");
  if (crc === null) return false;
  const actual = Buffer.alloc(4);
  actual.writeUInt32BE(crc32(body));
  return actual.toString("base64") !== crc;
}

function listXml(bucket: string, prefix: string, keys: string[]): string {
  const contents = keys.map((key) => `<Contents><Key>${key}</Key></Contents>`).join("");
  return `<?xml version="1.0" encoding="UTF-8"?><ListBucketResult><Name>${bucket}</Name><Prefix>${prefix}</Prefix><KeyCount>${keys.length}</KeyCount><IsTruncated>false</IsTruncated>${contents}</ListBucketResult>`;
}

export async function startFakeS3(options: {
  bucket: string;
  secretAccessKey: string;
}): Promise<FakeS3> {
  const objects = new Map<string, StoredObject>();
  const requests: FakeS3["requests"] = [];

  function handle(req: IncomingMessage, res: ServerResponse, body: Buffer): void {
    const url = new URL(req.url ?? "/", "http://localhost");
    const [, bucket, ...rest] = url.pathname.split("/");
    const key = rest.map(decodeURIComponent).join("/");
    const presigned = url.searchParams.has("X-Amz-Signature");
    const done = (status: number) =>
      requests.push({ method: req.method ?? "", path: url.pathname, presigned, status });
    if (bucket !== options.bucket) {
      done(404);
      return xmlError(res, 404, "NoSuchBucket", "The specified bucket does not exist");
    }
    if (presigned) {
      const refusal = checkPresigned(req, url, options.secretAccessKey, body.length);
      if (refusal) {
        done(403);
        return xmlError(res, 403, refusal, "Refused by the fake S3");
      }
      if (checksumMismatch(url, body)) {
        done(400);
        return xmlError(
          res,
          400,
          "BadDigest",
          "The CRC32 you specified did not match the calculated checksum.",
        );
      }
    } else if (!String(req.headers.authorization ?? "").startsWith("AWS4-HMAC-SHA256 ")) {
      done(403);
      return xmlError(res, 403, "AccessDenied", "Anonymous requests are not allowed");
    }
    const stored = objects.get(key);
    switch (req.method) {
      case "PUT": {
        objects.set(key, {
          body,
          contentType: String(req.headers["content-type"] ?? "binary/octet-stream"),
          encryption: req.headers["x-amz-server-side-encryption"] as string | undefined,
        });
        done(200);
        res.writeHead(200, { etag: `"${createHash("md5").update(body).digest("hex")}"` });
        return void res.end();
      }
      case "HEAD":
      case "GET": {
        if (!key && req.method === "GET" && url.searchParams.get("list-type") === "2") {
          const prefix = url.searchParams.get("prefix") ?? "";
          const keys = [...objects.keys()].filter((k) => k.startsWith(prefix)).sort();
          done(200);
          res.writeHead(200, { "content-type": "application/xml" });
          return void res.end(listXml(bucket, prefix, keys));
        }
        if (!stored) {
          done(404);
          if (req.method === "HEAD") return void res.writeHead(404).end();
          return xmlError(res, 404, "NoSuchKey", "The specified key does not exist.");
        }
        done(200);
        res.writeHead(200, {
          "content-type": stored.contentType,
          "content-length": String(stored.body.length),
        });
        return void res.end(req.method === "GET" ? stored.body : undefined);
      }
      case "DELETE": {
        objects.delete(key);
        done(204);
        return void res.writeHead(204).end();
      }
      default:
        done(405);
        return xmlError(res, 405, "MethodNotAllowed", "Not supported by the fake");
    }
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => handle(req, res, Buffer.concat(chunks)));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    objects,
    requests,
    reset() {
      objects.clear();
      requests.length = 0;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
