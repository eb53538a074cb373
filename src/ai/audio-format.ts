/**
 * Recordings in a format Gemini documents for audio input (WAV, MP3, AIFF, AAC, Ogg, FLAC).
 * Chrome and Firefox record Opus in WebM, which is not on that list, but Opus in Ogg is the
 * same audio in another container: the packets are moved, never re-encoded, so nothing is lost
 * and no codec is needed on the Lambda.
 */

export interface Audio {
  mimeType: string;
  data: Uint8Array;
}

const AS_IS: Record<string, string> = {
  "audio/wav": "audio/wav",
  "audio/x-wav": "audio/wav",
  "audio/mpeg": "audio/mp3",
  "audio/mp3": "audio/mp3",
  "audio/ogg": "audio/ogg",
  "audio/aac": "audio/aac",
  "audio/flac": "audio/flac",
  "audio/aiff": "audio/aiff",
};

/** The recording as Gemini accepts it, or null when it cannot be (then it is not sent). */
export function geminiAudio(audio: Audio): Audio | null {
  const type = (audio.mimeType.split(";")[0] ?? "").trim().toLowerCase();
  const same = AS_IS[type];
  if (same) return { mimeType: same, data: audio.data };
  if (type === "audio/webm") {
    const ogg = webmOpusToOgg(audio.data);
    return ogg ? { mimeType: "audio/ogg", data: ogg } : null;
  }
  return null;
}

// ------------------------------------------------------------------------ WebM (Matroska)

const ID = {
  segment: 0x18538067,
  cluster: 0x1f43b675,
  tracks: 0x1654ae6b,
  trackEntry: 0xae,
  blockGroup: 0xa0,
  audio: 0xe1,
  trackNumber: 0xd7,
  codecId: 0x86,
  codecPrivate: 0x63a2,
  channels: 0x9f,
  simpleBlock: 0xa3,
  block: 0xa1,
} as const;

// Master elements are read into rather than skipped, so an unknown size (a live recording's
// Segment and Clusters) needs no special case: their children simply follow.
const MASTERS: ReadonlySet<number> = new Set([
  ID.segment,
  ID.cluster,
  ID.tracks,
  ID.trackEntry,
  ID.blockGroup,
  ID.audio,
]);

/** An EBML variable-length integer at `at`: its value (marker bit removed) and length. */
function vint(bytes: Uint8Array, at: number, keepMarker: boolean) {
  const first = bytes[at];
  if (first === undefined || first === 0) return null;
  const length = Math.clz32(first) - 23;
  if (length > 8 || at + length > bytes.length) return null;
  let value = keepMarker ? first : first & (0xff >> length);
  let allOnes = value === 0xff >> length;
  for (let i = 1; i < length; i++) {
    const byte = bytes[at + i]!;
    value = value * 256 + byte;
    allOnes &&= byte === 0xff;
  }
  return { value, length, unknown: !keepMarker && allOnes };
}

interface OpusTrack {
  number: number;
  head: Uint8Array | null;
  channels: number;
}

function readWebm(bytes: Uint8Array): { track: OpusTrack; packets: Uint8Array[] } | null {
  const tracks: OpusTrack[] = [];
  let current: (OpusTrack & { codec?: string }) | null = null;
  const blocks: { track: number; frame: Uint8Array }[] = [];
  let at = 0;
  while (at < bytes.length) {
    const id = vint(bytes, at, true);
    if (!id) return null;
    const size = vint(bytes, at + id.length, false);
    if (!size) return null;
    const start = at + id.length + size.length;
    if (MASTERS.has(id.value)) {
      if (id.value === ID.trackEntry) {
        current = { number: 0, head: null, channels: 1 };
        tracks.push(current);
      }
      at = start;
      continue;
    }
    if (size.unknown) return null;
    const end = start + size.value;
    if (end > bytes.length) break; // A recording cut short keeps the blocks before the cut.
    const data = bytes.subarray(start, end);
    if (current && id.value === ID.trackNumber) current.number = uint(data);
    if (current && id.value === ID.codecId) current.codec = new TextDecoder().decode(data);
    if (current && id.value === ID.codecPrivate) current.head = data;
    if (current && id.value === ID.channels) current.channels = uint(data);
    if (id.value === ID.simpleBlock || id.value === ID.block) {
      const track = vint(data, 0, false);
      if (!track) return null;
      const flags = data[track.length + 2] ?? 0;
      // Laced blocks hold several frames; MediaRecorder writes one frame per block.
      if ((flags & 0x06) !== 0) return null;
      blocks.push({ track: track.value, frame: data.subarray(track.length + 3) });
    }
    at = end;
  }
  const track = tracks.find((t) => (t as { codec?: string }).codec === "A_OPUS");
  if (!track) return null;
  const packets = blocks.filter((b) => b.track === track.number).map((b) => b.frame);
  return packets.length ? { track, packets } : null;
}

function uint(data: Uint8Array): number {
  let value = 0;
  for (const byte of data) value = value * 256 + byte;
  return value;
}

// ----------------------------------------------------------------------------- Ogg Opus

/** Samples at 48 kHz in one Opus packet, from its TOC byte (RFC 6716, section 3.1). */
export function opusSamples(packet: Uint8Array): number {
  const toc = packet[0] ?? 0;
  const config = toc >> 3;
  const tenths =
    config < 12
      ? [100, 200, 400, 600][config % 4]!
      : config < 16
        ? [100, 200][config % 2]!
        : [25, 50, 100, 200][config % 4]!;
  const code = toc & 0x03;
  const frames = code === 0 ? 1 : code < 3 ? 2 : (packet[1] ?? 0) & 0x3f;
  return (frames * tenths * 48) / 10;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let i = 0; i < 256; i++) {
    let r = i << 24;
    for (let j = 0; j < 8; j++) r = r & 0x80000000 ? (r << 1) ^ 0x04c11db7 : r << 1;
    table[i] = r >>> 0;
  }
  return table;
})();

/** Ogg's CRC-32: polynomial 0x04C11DB7, not reflected, no final XOR. */
export function oggCrc(bytes: Uint8Array): number {
  let crc = 0;
  for (const byte of bytes) crc = ((crc << 8) ^ CRC_TABLE[((crc >>> 24) ^ byte) & 0xff]!) >>> 0;
  return crc;
}

function page(
  packets: Uint8Array[],
  flags: number,
  granule: bigint,
  serial: number,
  sequence: number,
): Uint8Array {
  const lacing: number[] = [];
  for (const packet of packets) {
    for (let left = packet.length; ; left -= 255) {
      lacing.push(Math.min(left, 255));
      if (left < 255) break;
    }
  }
  const body = packets.reduce((sum, p) => sum + p.length, 0);
  const out = new Uint8Array(27 + lacing.length + body);
  const view = new DataView(out.buffer);
  out.set([0x4f, 0x67, 0x67, 0x53, 0, flags]);
  view.setBigInt64(6, granule, true);
  view.setUint32(14, serial, true);
  view.setUint32(18, sequence, true);
  out[26] = lacing.length;
  out.set(lacing, 27);
  let at = 27 + lacing.length;
  for (const packet of packets) {
    out.set(packet, at);
    at += packet.length;
  }
  view.setUint32(22, oggCrc(out), true);
  return out;
}

function opusHead(channels: number): Uint8Array {
  const head = new Uint8Array(19);
  head.set(new TextEncoder().encode("OpusHead"));
  const view = new DataView(head.buffer);
  head[8] = 1;
  head[9] = channels;
  view.setUint16(10, 312, true); // Pre-skip: libopus's usual 6.5 ms at 48 kHz.
  view.setUint32(12, 48_000, true);
  return head;
}

function opusTags(): Uint8Array {
  const vendor = new TextEncoder().encode("ielts-ai-prep");
  const tags = new Uint8Array(8 + 4 + vendor.length + 4);
  tags.set(new TextEncoder().encode("OpusTags"));
  new DataView(tags.buffer).setUint32(8, vendor.length, true);
  tags.set(vendor, 12);
  return tags;
}

/** Opus in WebM as Opus in Ogg (RFC 7845), or null when it is not Opus in WebM. */
export function webmOpusToOgg(bytes: Uint8Array): Uint8Array | null {
  const webm = readWebm(bytes);
  if (!webm) return null;
  const head = webm.track.head?.length ? webm.track.head : opusHead(webm.track.channels);
  const serial = 0x1e175;
  const pages = [page([head], 0x02, 0n, serial, 0), page([opusTags()], 0, 0n, serial, 1)];
  let granule = 0n;
  let batch: Uint8Array[] = [];
  let segments = 0;
  const flush = (last: boolean) => {
    pages.push(page(batch, last ? 0x04 : 0, granule, serial, pages.length));
    batch = [];
    segments = 0;
  };
  webm.packets.forEach((packet, i) => {
    const needs = Math.floor(packet.length / 255) + 1;
    if (segments + needs > 255) flush(false);
    batch.push(packet);
    segments += needs;
    granule += BigInt(opusSamples(packet));
    if (i === webm.packets.length - 1) flush(true);
  });
  const out = new Uint8Array(pages.reduce((sum, p) => sum + p.length, 0));
  let at = 0;
  for (const p of pages) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
