import { brotliCompressSync, constants, gzipSync } from "node:zlib";

/** Below this a compressed reply saves less than its headers and the CPU cost. */
const COMPRESS_MIN_BYTES = 1024;

type Encoding = "br" | "gzip";

/** The client's preferred encoding of the two we send, by its q-values; br wins a tie. */
export function chooseEncoding(acceptEncoding: string | undefined): Encoding | null {
  const weights = new Map<string, number>();
  for (const part of (acceptEncoding ?? "").split(",")) {
    const [name = "", ...params] = part.trim().toLowerCase().split(";");
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
    weights.set(name, q === undefined ? 1 : Number(q));
  }
  const weight = (name: Encoding) => weights.get(name) ?? (weights.get("*") || 0);
  const best = (["br", "gzip"] as const).filter((name) => weight(name) > 0);
  return best.sort((a, b) => weight(b) - weight(a))[0] ?? null;
}

/**
 * The body compressed for the client, when it accepts br or gzip and the body is over 1 KB.
 * Done in the Lambda entry, after Remix: the Architect adapter sends a JSON body as text, so a
 * compressed one must go back base64-encoded, which only the entry controls. Brotli at quality
 * 5 is near its best ratio for JSON at a fraction of the default's CPU time.
 */
export function compressed(
  body: string,
  acceptEncoding: string | undefined,
): { encoding: Encoding; bytes: Buffer } | null {
  if (Buffer.byteLength(body) <= COMPRESS_MIN_BYTES) return null;
  const encoding = chooseEncoding(acceptEncoding);
  if (!encoding) return null;
  const bytes =
    encoding === "br"
      ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } })
      : gzipSync(body);
  return { encoding, bytes };
}
