/**
 * Length and channel count of the committed Listening recordings, read from the container
 * headers alone, so the bank's checks run on CI without any audio tool installed.
 */
export interface AudioInfo {
  seconds: number;
  channels: number;
}

const ascii = (bytes: Uint8Array, at: number, length: number) =>
  String.fromCharCode(...bytes.subarray(at, at + length));

/**
 * Ogg Opus: the last page's granule position counts 48 kHz samples from the start of the
 * stream, including the encoder's pre-skip, which the OpusHead packet states (RFC 7845).
 */
export function oggOpusInfo(bytes: Uint8Array): AudioInfo {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 0;
  let granule = -1n;
  let head: { preSkip: number; channels: number } | null = null;
  while (offset < bytes.length) {
    if (ascii(bytes, offset, 4) !== "OggS") throw new Error(`No Ogg page at byte ${offset}.`);
    const segments = bytes[offset + 26]!;
    const table = bytes.subarray(offset + 27, offset + 27 + segments);
    const body = offset + 27 + segments;
    if (head === null) {
      if (ascii(bytes, body, 8) !== "OpusHead") throw new Error("Not an Ogg Opus stream.");
      head = { channels: bytes[body + 9]!, preSkip: view.getUint16(body + 10, true) };
    }
    const position = view.getBigInt64(offset + 6, true);
    // -1 marks a page on which no packet ends; it carries no position.
    if (position !== -1n) granule = position;
    offset = body + table.reduce((sum, size) => sum + size, 0);
  }
  if (head === null || granule < 0n) throw new Error("Ogg stream without audio pages.");
  return { seconds: (Number(granule) - head.preSkip) / 48000, channels: head.channels };
}

const MP3_BITRATES = {
  mpeg1: [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
  mpeg2: [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
};
const MP3_SAMPLE_RATES: Record<number, number[]> = {
  3: [44100, 48000, 32000], // MPEG-1
  2: [22050, 24000, 16000], // MPEG-2
  0: [11025, 12000, 8000], // MPEG-2.5
};

/**
 * MP3 (MPEG audio Layer III): walks every frame header and adds up the samples, so a variable
 * bitrate file is measured as exactly as a constant one. LAME's leading Info/Xing frame holds
 * no audio and is not counted.
 */
export function mp3Info(bytes: Uint8Array): AudioInfo {
  let offset = 0;
  if (ascii(bytes, 0, 3) === "ID3") {
    const size = (bytes[6]! << 21) | (bytes[7]! << 14) | (bytes[8]! << 7) | bytes[9]!;
    offset = 10 + size + (bytes[5]! & 0x10 ? 10 : 0);
  }
  let samples = 0;
  let sampleRate = 0;
  let channels = 0;
  let first = true;
  while (offset + 4 <= bytes.length && ascii(bytes, offset, 3) !== "TAG") {
    const header =
      ((bytes[offset]! << 24) |
        (bytes[offset + 1]! << 16) |
        (bytes[offset + 2]! << 8) |
        bytes[offset + 3]!) >>>
      0;
    const version = (header >>> 19) & 3;
    const layer = (header >>> 17) & 3;
    const rates = MP3_SAMPLE_RATES[version];
    if (header >>> 21 !== 0x7ff || layer !== 1 || rates === undefined) {
      throw new Error(`No MP3 Layer III frame at byte ${offset}.`);
    }
    const mpeg1 = version === 3;
    const bitrate = (mpeg1 ? MP3_BITRATES.mpeg1 : MP3_BITRATES.mpeg2)[(header >>> 12) & 15];
    const rate = rates[(header >>> 10) & 3];
    if (!bitrate || !rate) throw new Error(`Unsupported MP3 frame at byte ${offset}.`);
    const length = Math.floor(((mpeg1 ? 144 : 72) * bitrate * 1000) / rate) + ((header >>> 9) & 1);
    const frame = ascii(bytes, offset, length);
    if (!(first && (frame.includes("Info") || frame.includes("Xing")))) {
      samples += mpeg1 ? 1152 : 576;
    }
    first = false;
    sampleRate = rate;
    channels = ((header >>> 6) & 3) === 3 ? 1 : 2;
    offset += length;
  }
  if (sampleRate === 0) throw new Error("MP3 file without frames.");
  return { seconds: samples / sampleRate, channels };
}
