import { describe, expect, it } from "vitest";
import {
  changePasswordSchema,
  emailSchema,
  joinSchema,
  loginSchema,
  resetSchema,
  validate,
} from "./validation";

describe("emailSchema", () => {
  it("trims and lower-cases", () => {
    expect(emailSchema.parse("  Maria.Lopez@Example.COM ")).toBe("maria.lopez@example.com");
  });

  it.each(["", "   ", "maria", "maria@", "@example.com", "maria@example"])("refuses %j", (bad) => {
    expect(emailSchema.safeParse(bad).success).toBe(false);
  });

  it("refuses more than 254 characters", () => {
    expect(emailSchema.safeParse(`${"a".repeat(64)}@${"b".repeat(186)}.com`).success).toBe(false);
  });
});

describe("validate", () => {
  it("returns parsed data", () => {
    const form = new FormData();
    form.set("email", " A@Example.com");
    form.set("password", "tidal owl reads maps");
    expect(validate(joinSchema, form)).toEqual({
      ok: true,
      data: { email: "a@example.com", password: "tidal owl reads maps" },
    });
  });

  it("gives one message per field", () => {
    const result = validate(joinSchema, { email: "nope", password: "short" });
    expect(result).toEqual({
      ok: false,
      fieldErrors: {
        email: "Enter a valid email address, like name@example.com.",
        password: "Use at least 8 characters.",
      },
    });
  });

  it("refuses a password equal to the email's local part at join", () => {
    const result = validate(joinSchema, {
      email: "maria.lopez@example.com",
      password: "maria.lopez",
    });
    expect(result).toEqual({
      ok: false,
      fieldErrors: { password: "Don't use your email address as your password." },
    });
  });

  it("reports missing fields and file uploads as field errors", () => {
    const form = new FormData();
    form.set("email", new Blob(["x"]), "email.txt");
    const result = validate(loginSchema, form);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.fieldErrors.email).toBe("Enter your email address.");
      expect(result.fieldErrors.password).toBe("Enter your password.");
    }
  });

  it("applies no strength rules at login and keeps redirectTo", () => {
    expect(
      validate(loginSchema, { email: "a@example.com", password: "1", redirectTo: "/dashboard" }),
    ).toEqual({
      ok: true,
      data: { email: "a@example.com", password: "1", redirectTo: "/dashboard" },
    });
  });

  it("checks the new password on reset and change", () => {
    expect(validate(resetSchema, { token: "t", password: "password" })).toMatchObject({
      ok: false,
      fieldErrors: { password: expect.stringMatching(/too common/) },
    });
    expect(validate(resetSchema, { password: "tidal owl reads maps" })).toMatchObject({
      ok: false,
      fieldErrors: { token: expect.stringMatching(/link/) },
    });
    expect(validate(changePasswordSchema, { current: "", next: "12345678" })).toEqual({
      ok: false,
      fieldErrors: {
        current: "Enter your current password.",
        next: "This password is too common and easy to guess. Choose a less predictable one.",
      },
    });
  });
});
