import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { chooseEncoding, compressed } from "./compression.server";

describe("API compression", () => {
  it("picks brotli or gzip by the client's q-values, and nothing it refuses", () => {
    expect(chooseEncoding("gzip, deflate, br")).toBe("br");
    expect(chooseEncoding("gzip")).toBe("gzip");
    expect(chooseEncoding("br;q=0.5, gzip;q=0.9")).toBe("gzip");
    expect(chooseEncoding("br;q=0, gzip;q=0")).toBeNull();
    expect(chooseEncoding("identity")).toBeNull();
    expect(chooseEncoding("*")).toBe("br");
    expect(chooseEncoding(undefined)).toBeNull();
  });

  it("compresses only bodies over 1 KB, and the bytes decode back", () => {
    const big = JSON.stringify({
      items: Array.from({ length: 100 }, (_, i) => ({ id: `a-${i}` })),
    });
    expect(compressed("{}", "br")).toBeNull();
    const br = compressed(big, "br")!;
    expect(br.encoding).toBe("br");
    expect(brotliDecompressSync(br.bytes).toString()).toBe(big);
    const gz = compressed(big, "gzip")!;
    expect(gunzipSync(gz.bytes).toString()).toBe(big);
    expect(gz.bytes.length).toBeLessThan(Buffer.byteLength(big));
  });
});
