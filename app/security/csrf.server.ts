import { randomBytes, timingSafeEqual } from "node:crypto";
import { csrfCookie } from "./cookies.server";

const CSRF_FIELD = "csrf";

async function readCookieToken(request: Request): Promise<string | null> {
  const value: unknown = await csrfCookie.parse(request.headers.get("Cookie"));
  return typeof value === "string" && value.length >= 32 ? value : null;
}

// Double-submit token: the cookie is HttpOnly and SameSite, and the same value travels in a
// hidden form field, so a plain HTML form (no JavaScript) carries it and another site cannot.
export async function getCsrfToken(
  request: Request,
): Promise<{ token: string; setCookie: string | null }> {
  const existing = await readCookieToken(request);
  if (existing) return { token: existing, setCookie: null };
  const token = randomBytes(32).toString("base64url");
  return { token, setCookie: await csrfCookie.serialize(token) };
}

export async function verifyCsrf(request: Request, form: FormData): Promise<void> {
  const expected = await readCookieToken(request);
  const sent = form.get(CSRF_FIELD);
  if (!expected || typeof sent !== "string") throw new Error("CSRF token missing");
  const a = Buffer.from(expected);
  const b = Buffer.from(sent);
  if (a.length !== b.length || !timingSafeEqual(a, b)) throw new Error("CSRF token mismatch");
}
