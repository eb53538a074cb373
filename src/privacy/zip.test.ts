import { describe, expect, it } from "vitest";
import { crc32, zip } from "./zip";

describe("zip", () => {
  it("computes the standard CRC-32", () => {
    expect(crc32(new TextEncoder().encode("123456789"))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array())).toBe(0);
  });

  it("lays out headers a reader can follow", () => {
    const bytes = zip(
      [{ name: "data.json", bytes: new TextEncoder().encode("{}") }],
      new Date("2026-12-02T10:20:30Z"),
    );
    const buffer = Buffer.from(bytes);
    expect(buffer.readUInt32LE(0)).toBe(0x04034b50);
    expect(buffer.toString("utf8", 30, 39)).toBe("data.json");
    expect(buffer.toString("utf8", 39, 41)).toBe("{}");
    const end = buffer.length - 22;
    expect(buffer.readUInt32LE(end)).toBe(0x06054b50);
    expect(buffer.readUInt16LE(end + 10)).toBe(1);
    expect(buffer.readUInt32LE(buffer.readUInt32LE(end + 16))).toBe(0x02014b50);
  });
});
