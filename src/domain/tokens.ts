import { createHash, randomBytes } from "node:crypto";

const TOKEN_BYTES = 32;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** 256 random bits, URL- and cookie-safe: used for session ids and one-time links. */
export function randomToken(): string {
  return randomBytes(TOKEN_BYTES).toString("base64url");
}

/**
 * Rejecting malformed tokens before hashing keeps junk (and oversized input) away from the
 * database; a well-formed but unknown token still costs a lookup, as it must.
 */
export function isTokenFormat(value: unknown): value is string {
  return typeof value === "string" && TOKEN_PATTERN.test(value);
}

/**
 * Secrets are stored only as this hash, so a leaked table grants nothing. A plain SHA-256 is
 * enough here (unlike passwords) because the input already carries 256 bits of entropy.
 */
export function sha256(value: string): string {
  return createHash("sha256").update(value).digest("base64url");
}

/** What a use case is given when someone brings a token: the token, and the time (for tests). */
export type TokenUse = { token: string; now?: Date };
