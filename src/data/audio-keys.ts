import type { UploadTarget } from "./audio-store";

// Keys come from audioKey() (ids are UUIDs), but the local store turns them into paths, so
// anything else is refused rather than trusted not to climb out of the folder. A direct upload
// adds its own id, so a URL handed out earlier can never overwrite a recording handed in.
const KEY_PATTERN =
  /^audio\/[A-Za-z0-9-]+\/[A-Za-z0-9-]+\/part-[123](-[a-z0-9]{8,32})?\.[a-z0-9]+$/;

export function isAudioKey(key: string): boolean {
  return KEY_PATTERN.test(key);
}

export function checkKey(key: string): void {
  if (!isAudioKey(key)) throw new Error(`Not an audio key: ${key}`);
}

const PREFIX_PATTERN = /^audio\/([A-Za-z0-9-]+\/)?$/;

export function checkPrefix(prefix: string): void {
  if (!PREFIX_PATTERN.test(prefix)) throw new Error(`Not an audio prefix: ${prefix}`);
}

/**
 * The part of an upload target both stores share: a checked key, and a PUT that must carry the
 * recording's type; `issue` makes the store's own URL and any headers it signs in.
 */
export async function putTarget(
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
