import { describe, expect, it } from "vitest";
import { DUMMY_HASH, SCRYPT_PARAMS, hashPassword, verifyPassword } from "./passwords";

describe("password hashing", () => {
  it("round-trips and rejects a wrong password", async () => {
    const hash = await hashPassword("tidal owl reads maps");
    expect(hash).toMatch(/^\$scrypt\$ln=17,r=8,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(await verifyPassword("tidal owl reads maps", hash)).toBe(true);
    expect(await verifyPassword("tidal owl reads map", hash)).toBe(false);
  });

  it("salts every hash", async () => {
    const [a, b] = await Promise.all([hashPassword("same words"), hashPassword("same words")]);
    expect(a).not.toBe(b);
  });

  it("treats composed and decomposed accents as the same password", async () => {
    const hash = await hashPassword("caf\u00e9 au lait");
    expect(await verifyPassword("cafe\u0301 au lait", hash)).toBe(true);
  });

  it("uses OWASP's scrypt parameters", () => {
    expect(SCRYPT_PARAMS).toEqual({ logN: 17, r: 8, p: 1 });
  });

  it("has a dummy hash that costs a real verification and matches nothing", async () => {
    expect(DUMMY_HASH).toMatch(/^\$scrypt\$ln=17,r=8,p=1\$/);
    expect(await verifyPassword("", DUMMY_HASH)).toBe(false);
    expect(await verifyPassword("password", DUMMY_HASH)).toBe(false);
  });

  it("refuses malformed or absurdly expensive encodings without computing", async () => {
    expect(await verifyPassword("x", "plain-text")).toBe(false);
    expect(await verifyPassword("x", "$scrypt$ln=30,r=8,p=1$AAAA$AAAA")).toBe(false);
  });
});
