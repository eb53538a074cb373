import type { APIGatewayProxyStructuredResultV2 } from "aws-lambda";

export const MAX_FORM_BYTES = 256 * 1024;
/**
 * Forms with recordings. Lambda takes at most 6 MB of event, and a binary body arrives base64
 * encoded (4/3 larger), so a body much over 4 MB never reaches the app at all: recordings this
 * size fit one or two at a time, and the page saves them part by part.
 */
export const MAX_UPLOAD_BYTES = 4.25 * 1024 * 1024;

// Only forms that carry recordings get the larger limit; every other form stays small.
const UPLOAD_PATHS = ["/assessments/speaking/", "/api/v1/uploads/"];

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

// A refusal here happens before Remix renders anything, so it is a small page of its own. It is
// what a student without JavaScript sees after pressing a button: it says what happened and that
// going back keeps what they typed (browsers restore form fields on back). Title and message are
// our own constants, so nothing here needs escaping.
function refuse(
  statusCode: number,
  title: string,
  message: string,
): APIGatewayProxyStructuredResultV2 {
  const body = `<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · IELTS AI Prep</title></head>
<body><main><h1>${title}</h1><p>${message}</p>
<p>Nothing was saved. Use your browser's Back button to return to the form: what you typed is still there.</p>
<p><a href="/">Go to the home page</a></p></main></body></html>`;
  return {
    statusCode,
    headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" },
    body,
  };
}

/** The host Remix compares Origin with: the first X-Forwarded-Host, else Host. */
function requestHost(headers: Record<string, string | undefined>): string | undefined {
  const forwarded = headers["x-forwarded-host"]?.split(",")[0]?.trim();
  return forwarded || headers["host"];
}

// Modern browsers send Sec-Fetch-Site on every request; older ones only Origin. Both are checked
// when present, because Remix itself aborts an action whose Origin is not this host (with a bare
// 500), so an opaque `Origin: null` (a sandboxed frame, a cross-site redirect) is refused here,
// with a page that says why, even beside `Sec-Fetch-Site: same-origin`. Our own pages always send
// their real origin (Referrer-Policy strict-origin-when-cross-origin). A request with neither
// header is not from a browser (curl, the mobile app) and carries no ambient-cookie risk beyond
// what the CSRF token already covers.
export function isCrossSite(headers: Record<string, string | undefined>): boolean {
  const site = headers["sec-fetch-site"];
  if (site && site !== "same-origin" && site !== "none") return true;
  const origin = headers["origin"];
  if (!origin) return false;
  if (origin === "null") return true;
  try {
    return new URL(origin).host !== requestHost(headers);
  } catch {
    return true;
  }
}

export function guardRequest(input: GuardInput): APIGatewayProxyStructuredResultV2 | null {
  const method = input.method.toUpperCase();
  if (SAFE_METHODS.has(method)) return null;
  if (input.bodyLength > maxBodyBytes(input.path)) {
    return refuse(
      413,
      "Too large to send",
      "What you sent is larger than this page accepts, so it never reached us. Shorten your answer (or add one recording at a time) and send it again.",
    );
  }
  // The JSON API authenticates with bearer tokens, never cookies, so cross-site posts there
  // cannot ride on a student's session.
  if (!input.path.startsWith("/api/") && isCrossSite(input.headers)) {
    return refuse(
      403,
      "Refused",
      "This form was sent from another site, or from a page whose address your browser hid, so it was refused to protect your account. Open the page on this site and send it from there.",
    );
  }
  return null;
}
