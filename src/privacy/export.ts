import type { AudioStore } from "../data/audio-store";
import { audioUserPrefix } from "../data/keys";
import { getUserById } from "../data/users";
import type { Actor } from "./consent";
import { findItems } from "./items";
import { POLICY_VERSION } from "./policy";
import { PRIVACY_TABLE_NAMES, PRIVACY_TABLES, type TablePrivacy } from "./tables";
import { zip, type ZipEntry } from "./zip";

/**
 * Recordings beyond this many bytes stay out of the archive and are listed with their own
 * download link: a Lambda answers with at most 6 MB, and binary bodies travel as base64.
 */
const ARCHIVE_RECORDING_BYTES = 4 * 1024 * 1024;

interface ExportedRecording {
  key: string;
  mimeType: string;
  bytes: number;
  /** Its path in the archive, or null when it is too large for it and has its own link. */
  file: string | null;
  /** Path of the page that downloads this recording on its own. */
  download: string;
}

export interface AccountExport {
  format: "ielts-ai-prep-export/1";
  exportedAt: string;
  policyVersion: string;
  userId: string;
  email: string;
  /** Every table that holds a user's items, with this user's (secrets left out). */
  tables: Record<string, Record<string, unknown>[]>;
  /** Tables that hold nothing about anyone in particular, and why. */
  notPersonal: Record<string, string>;
  recordings: ExportedRecording[];
}

export type ExportResult =
  | { ok: true; filename: string; archive: Uint8Array<ArrayBuffer> }
  | { ok: false; reason: "no-account" };

/** `audio/<user>/<assessment>/part-2.webm` -> `<assessment>/part-2.webm` */
const recordingPath = (key: string, userId: string) => key.slice(audioUserPrefix(userId).length);

export async function exportAccount(
  actor: Actor,
  deps: { store: AudioStore },
  now = new Date(),
): Promise<ExportResult> {
  const user = await getUserById(actor.userId);
  if (!user) return { ok: false, reason: "no-account" };
  const owner = { userId: user.userId, email: user.email };
  const tables: AccountExport["tables"] = {};
  const notPersonal: AccountExport["notPersonal"] = {};
  for (const name of PRIVACY_TABLE_NAMES) {
    const policy: TablePrivacy = PRIVACY_TABLES[name];
    if (!policy.personal) {
      notPersonal[name] = policy.why;
      continue;
    }
    const secrets = new Set(policy.secrets ?? []);
    tables[name] = (await findItems(name, policy, owner)).map((item) =>
      Object.fromEntries(Object.entries(item).filter(([attribute]) => !secrets.has(attribute))),
    );
  }

  const entries: ZipEntry[] = [];
  const recordings: ExportedRecording[] = [];
  let archived = 0;
  for (const key of await deps.store.list(audioUserPrefix(user.userId))) {
    const audio = await deps.store.load(key);
    const path = recordingPath(key, user.userId);
    const fits = archived + audio.bytes.length <= ARCHIVE_RECORDING_BYTES;
    if (fits) {
      archived += audio.bytes.length;
      entries.push({ name: `recordings/${path}`, bytes: audio.bytes });
    }
    recordings.push({
      key,
      mimeType: audio.mimeType,
      bytes: audio.bytes.length,
      file: fits ? `recordings/${path}` : null,
      download: `/account/recordings/${path}`,
    });
  }

  const data: AccountExport = {
    format: "ielts-ai-prep-export/1",
    exportedAt: now.toISOString(),
    policyVersion: POLICY_VERSION,
    userId: user.userId,
    email: user.email,
    tables,
    notPersonal,
    recordings,
  };
  const json = new TextEncoder().encode(JSON.stringify(data, null, 2));
  return {
    ok: true,
    filename: `ielts-ai-prep-export-${now.toISOString().slice(0, 10)}.zip`,
    archive: zip([{ name: "data.json", bytes: json }, ...entries], now),
  };
}

export type RecordingResult =
  | { ok: true; filename: string; bytes: Uint8Array; mimeType: string }
  | { ok: false; reason: "not-found" };

/** One of the student's own recordings, by its path under their folder. */
export async function downloadRecording(
  actor: Actor,
  input: { path: string },
  deps: { store: AudioStore },
): Promise<RecordingResult> {
  const key = `${audioUserPrefix(actor.userId)}${input.path}`;
  // Only a key the listing returns: the path is never trusted to build a key on its own.
  if (!(await deps.store.list(audioUserPrefix(actor.userId))).includes(key)) {
    return { ok: false, reason: "not-found" };
  }
  const audio = await deps.store.load(key);
  return {
    ok: true,
    filename: input.path.replaceAll("/", "-"),
    bytes: audio.bytes,
    mimeType: audio.mimeType,
  };
}
