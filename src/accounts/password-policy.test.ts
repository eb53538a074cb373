import { describe, expect, it } from "vitest";
import { checkPassword } from "./password-policy";

describe("checkPassword", () => {
  it("accepts a long, uncommon passphrase", () => {
    expect(checkPassword("tidal owl reads maps")).toEqual({ ok: true });
  });

  it("needs at least 8 characters, counted as people count them", () => {
    expect(checkPassword("k7#pQ2z")).toMatchObject({
      ok: false,
      message: expect.stringMatching(/at least 8/),
    });
    // Eight emoji are eight characters, though sixteen UTF-16 units.
    expect(checkPassword("🦉🦉🦉🦉🦉🦉🦉").ok).toBe(false);
    expect(checkPassword("🦉🌊📚🦉🌊📚🦉🌊").ok).toBe(true);
  });

  it("allows 128 characters and refuses more", () => {
    const long = "correct horse battery staple ".repeat(5);
    expect(checkPassword(long.slice(0, 64)).ok).toBe(true);
    expect(checkPassword(long.slice(0, 128)).ok).toBe(true);
    expect(checkPassword(`${long}xyz`.slice(0, 129))).toMatchObject({
      ok: false,
      message: expect.stringMatching(/at most 128/),
    });
  });

  it.each(["password", "Password1", "12345678", "qwerty123", "iloveyou", "P@ssw0rd", "ielts2024"])(
    "refuses the common password %s",
    (password) => {
      expect(checkPassword(password)).toMatchObject({
        ok: false,
        message: expect.stringMatching(/too common/),
      });
    },
  );

  it("refuses the email address or its local part", () => {
    const email = "Maria.Lopez@example.com";
    expect(checkPassword("maria.lopez", { email }).ok).toBe(false);
    expect(checkPassword("MARIA.LOPEZ@EXAMPLE.COM", { email })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/email/),
    });
    expect(checkPassword("maria.lopez.reads", { email }).ok).toBe(true);
  });
});
