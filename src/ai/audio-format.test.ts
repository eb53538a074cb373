import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { geminiAudio, oggCrc, opusSamples, webmOpusToOgg } from "./audio-format";

// One second of Chromium's fake microphone (a test tone), recorded by MediaRecorder as
// `audio/webm;codecs=opus`, exactly as the speaking page records. Converted, it was checked with
// opus-tools outside the suite: `opusinfo` reads a 0.96 s stream and `opusdec` decodes it.
const RECORDING = new Uint8Array(
  readFileSync(new URL("./fixtures/chromium-recording.webm", import.meta.url)),
);

interface Page {
  flags: number;
  granule: bigint;
  serial: number;
  sequence: number;
  crc: number;
  computed: number;
  packets: Uint8Array[];
}

/** The bitwise form of Ogg's CRC, written apart from the table the code uses. */
function slowCrc(bytes: Uint8Array): number {
  let crc = 0;
  for (const byte of bytes) {
    crc ^= byte << 24;
    for (let bit = 0; bit < 8; bit++) {
      crc = crc & 0x80000000 ? (crc << 1) ^ 0x04c11db7 : crc << 1;
    }
  }
  return crc >>> 0;
}

/** Reads an Ogg stream page by page, as a demuxer does (RFC 3533). */
function pagesOf(ogg: Uint8Array): Page[] {
  const pages: Page[] = [];
  let at = 0;
  let partial: number[] = [];
  while (at < ogg.length) {
    expect(new TextDecoder().decode(ogg.subarray(at, at + 4))).toBe("OggS");
    const view = new DataView(ogg.buffer, ogg.byteOffset + at);
    const count = ogg[at + 26]!;
    const lacing = ogg.subarray(at + 27, at + 27 + count);
    const size = 27 + count + lacing.reduce((sum, n) => sum + n, 0);
    const copy = ogg.slice(at, at + size);
    copy.fill(0, 22, 26);
    const packets: Uint8Array[] = [];
    let body = at + 27 + count;
    for (const n of lacing) {
      partial.push(...ogg.subarray(body, body + n));
      body += n;
      if (n < 255) {
        packets.push(Uint8Array.from(partial));
        partial = [];
      }
    }
    pages.push({
      flags: ogg[at + 5]!,
      granule: view.getBigInt64(6, true),
      serial: view.getUint32(14, true),
      sequence: view.getUint32(18, true),
      crc: view.getUint32(22, true),
      computed: slowCrc(copy),
      packets,
    });
    at += size;
  }
  return pages;
}

describe("Opus in WebM to Opus in Ogg, for Gemini", () => {
  const ogg = webmOpusToOgg(RECORDING)!;
  const pages = pagesOf(ogg);

  it("writes the identification and comment headers first, on pages of their own", () => {
    expect(pages[0]!.flags).toBe(0x02);
    expect(new TextDecoder().decode(pages[0]!.packets[0]!.subarray(0, 8))).toBe("OpusHead");
    expect(pages[0]!.packets[0]![9]).toBe(1); // mono, as the microphone was
    expect(new TextDecoder().decode(pages[1]!.packets[0]!.subarray(0, 8))).toBe("OpusTags");
    expect(pages[1]!.granule).toBe(0n);
  });

  it("frames every page correctly: checksum, sequence, one stream, end marked", () => {
    expect(pages.map((p) => p.crc)).toEqual(pages.map((p) => p.computed));
    expect(pages.map((p) => p.sequence)).toEqual(pages.map((_, i) => i));
    expect(new Set(pages.map((p) => p.serial)).size).toBe(1);
    expect(pages.at(-1)!.flags).toBe(0x04);
    expect(pages.slice(0, -1).every((p) => (p.flags & 0x04) === 0)).toBe(true);
  });

  it("carries the recording's audio unchanged, and its length in the granule position", () => {
    const audio = pages.slice(2).flatMap((p) => p.packets);
    expect(audio.length).toBeGreaterThan(10);
    const samples = audio.reduce((sum, packet) => sum + opusSamples(packet), 0);
    expect(pages.at(-1)!.granule).toBe(BigInt(samples));
    // MediaRecorder ran for about a second.
    expect(samples / 48_000).toBeGreaterThan(0.8);
    expect(samples / 48_000).toBeLessThan(1.5);
    // The packets are the WebM's blocks byte for byte, so the container adds little.
    const payload = audio.reduce((sum, packet) => sum + packet.length, 0);
    expect(payload).toBeLessThan(RECORDING.length);
    expect(ogg.length - payload).toBeLessThan(RECORDING.length * 0.05 + 200);
  });

  it("keeps the blocks before the cut in a recording cut short", () => {
    const cut = webmOpusToOgg(RECORDING.subarray(0, Math.floor(RECORDING.length * 0.6)))!;
    const kept = pagesOf(cut)
      .slice(2)
      .flatMap((p) => p.packets).length;
    const whole = pages.slice(2).flatMap((p) => p.packets).length;
    expect(kept).toBeGreaterThan(whole * 0.4);
    expect(kept).toBeLessThan(whole);
  });

  it("answers null for what is not Opus in WebM", () => {
    expect(webmOpusToOgg(new TextEncoder().encode("not a recording at all"))).toBeNull();
    expect(webmOpusToOgg(new Uint8Array(0))).toBeNull();
  });

  it("reads Opus packet durations from the TOC byte (RFC 6716)", () => {
    expect(opusSamples(Uint8Array.of(0xfc))).toBe(960); // CELT 20 ms, one frame
    expect(opusSamples(Uint8Array.of(0x1b, 0x03))).toBe(8640); // SILK 60 ms, three frames
    expect(opusSamples(Uint8Array.of(0x79))).toBe(1920); // hybrid 20 ms, two frames
    expect(opusSamples(Uint8Array.of(0x80))).toBe(120); // CELT 2.5 ms
  });

  it("agrees with the bitwise CRC on arbitrary bytes", () => {
    const bytes = new TextEncoder().encode("The quick brown fox jumps over the lazy dog");
    expect(oggCrc(bytes)).toBe(slowCrc(bytes));
  });
});

describe("geminiAudio", () => {
  it("sends documented formats as they are and converts the browsers' WebM", () => {
    const data = Uint8Array.of(1, 2, 3);
    expect(geminiAudio({ mimeType: "audio/wav", data })).toEqual({ mimeType: "audio/wav", data });
    expect(geminiAudio({ mimeType: "audio/mpeg", data })?.mimeType).toBe("audio/mp3");
    expect(geminiAudio({ mimeType: "audio/ogg;codecs=opus", data })?.mimeType).toBe("audio/ogg");
    expect(geminiAudio({ mimeType: "audio/webm", data: RECORDING })?.mimeType).toBe("audio/ogg");
  });

  it("sends nothing it cannot make documented, rather than audio Gemini may misread", () => {
    const data = Uint8Array.of(1, 2, 3);
    expect(geminiAudio({ mimeType: "audio/webm", data })).toBeNull();
    expect(geminiAudio({ mimeType: "audio/mp4", data })).toBeNull();
  });
});
