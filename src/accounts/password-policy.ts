import { readShippedFile } from "../shipped-files";
import { normalisePassword } from "./passwords";

const PASSWORD_MIN_LENGTH = 8;
const PASSWORD_MAX_LENGTH = 128;

/**
 * Passwords refused because attackers try them first (data/common-passwords.txt, one a line). Not a copy
 * of a breach corpus: the list was generated for this project from well-known patterns of the
 * most common passwords (digit runs, keyboard walks, popular words and names, sports teams,
 * "password" in its usual leet spellings, and IELTS and site words, each with the suffixes
 * people habitually add: "1", "123", "!", a year). Only entries of 8 to 64 characters are
 * kept, since shorter passwords are refused anyway. Lower case; compare lower-cased. A
 * breach-derived list (for example the one in @zxcvbn-ts/language-common) would catch more
 * and can replace this one.
 */
let common: ReadonlySet<string> | undefined;

/** Read on first use: only sign-up and password changes need it. */
function commonPasswords(): ReadonlySet<string> {
  common ??= new Set(
    readShippedFile("accounts/data/common-passwords.txt").split("\n").filter(Boolean),
  );
  return common;
}

/** Characters as a person counts them: an emoji or an accented letter is one, not two. */
function length(password: string): number {
  return [...normalisePassword(password)].length;
}

export type PasswordCheck = { ok: true } | { ok: false; message: string };

/**
 * NIST SP 800-63B style: length and a deny list rather than composition rules, which push
 * people towards "Password1!".
 */
export function checkPassword(password: string, context: { email?: string } = {}): PasswordCheck {
  const chars = length(password);
  if (chars < PASSWORD_MIN_LENGTH) {
    return { ok: false, message: `Use at least ${PASSWORD_MIN_LENGTH} characters.` };
  }
  if (chars > PASSWORD_MAX_LENGTH) {
    return { ok: false, message: `Use at most ${PASSWORD_MAX_LENGTH} characters.` };
  }
  const lowered = normalisePassword(password).toLowerCase();
  if (commonPasswords().has(lowered)) {
    return {
      ok: false,
      message: "This password is too common and easy to guess. Choose a less predictable one.",
    };
  }
  const email = context.email?.trim().toLowerCase();
  if (email && (lowered === email || lowered === email.split("@")[0])) {
    return { ok: false, message: "Don't use your email address as your password." };
  }
  return { ok: true };
}
