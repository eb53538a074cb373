import type { APIGatewayProxyStructuredResultV2 } from "aws-lambda";

export const MAX_FORM_BYTES = 256 * 1024;
/**
 * Forms with recordings. Lambda takes at most 6 MB of event, and a binary body arrives base64
 * encoded (4/3 larger), so a body much over 4 MB never reaches the app at all: recordings this
 * size fit one or two at a time, and the page saves them part by part.
 */
export const MAX_UPLOAD_BYTES = 4.25 * 1024 * 1024;

// Only forms that carry recordings get the larger limit; every other form stays small.
const UPLOAD_PATHS = ["/assessments/speaking/"];

export function maxBodyBytes(path: string): number {
  return UPLOAD_PATHS.some((prefix) => path.startsWith(prefix)) ? MAX_UPLOAD_BYTES : MAX_FORM_BYTES;
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

type GuardInput = {
  method: string;
  path: string;
  headers: Record<string, string | undefined>;
  bodyLength: number;
};

function refuse(statusCode: number, message: string): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode,
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
    body: message,
  };
}

// Modern browsers send Sec-Fetch-Site on every request, and it is the reliable signal (a page
// with Referrer-Policy no-referrer even makes them send `Origin: null` for a same-origin post).
// Older browsers fall back to comparing Origin with Host. A request with
// neither is not from a browser (curl, the mobile app) and carries no ambient-cookie risk beyond
// what the CSRF token already covers.
export function isCrossSite(headers: Record<string, string | undefined>): boolean {
  const site = headers["sec-fetch-site"];
  if (site) return site !== "same-origin" && site !== "none";
  const origin = headers["origin"];
  if (!origin) return false;
  if (origin === "null") return true;
  const host = headers["x-forwarded-host"] ?? headers["host"];
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

export function guardRequest(input: GuardInput): APIGatewayProxyStructuredResultV2 | null {
  const method = input.method.toUpperCase();
  if (SAFE_METHODS.has(method)) return null;
  if (input.bodyLength > maxBodyBytes(input.path)) {
    return refuse(413, "This form is too large to send. Shorten it and try again.");
  }
  // The JSON API authenticates with bearer tokens, never cookies, so cross-site posts there
  // cannot ride on a student's session.
  if (!input.path.startsWith("/api/") && isCrossSite(input.headers)) {
    return refuse(403, "This request came from another site and was refused.");
  }
  return null;
}
