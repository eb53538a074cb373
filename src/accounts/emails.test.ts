import { describe, expect, it } from "vitest";
import { accountExistsEmail, passwordResetEmail, verificationEmail } from "./emails";

describe("emails", () => {
  it("links the verification page with the token, in text and HTML", () => {
    const mail = verificationEmail("https://ielts.example/", "abc_DEF-123", 60);
    const url = "https://ielts.example/verify-email?token=abc_DEF-123";
    expect(mail.text).toContain(url);
    expect(mail.html).toContain(`href="${url}"`);
    expect(mail.text).toContain("60 minutes");
  });

  it("links the reset page and warns that sessions end", () => {
    const mail = passwordResetEmail("http://localhost:3333", "tok", 30);
    expect(mail.text).toContain("http://localhost:3333/reset-password?token=tok");
    expect(mail.text).toMatch(/signs you out everywhere/);
  });

  it("points an existing owner to the reset page without a token", () => {
    const mail = accountExistsEmail("http://localhost:3333");
    expect(mail.text).toContain("http://localhost:3333/forgot-password");
    expect(mail.text).not.toContain("token=");
  });
});
