/** Where the speaking page sends recordings itself (a presigned S3 PUT), besides this site. */
function uploadOrigin(env: NodeJS.ProcessEnv): string {
  if (!env.AUDIO_BUCKET) return "";
  if (env.AUDIO_S3_ENDPOINT) return ` ${new URL(env.AUDIO_S3_ENDPOINT).origin}`;
  return ` https://${env.AUDIO_BUCKET}.s3.${env.AWS_REGION}.amazonaws.com`;
}

function contentSecurityPolicy(nonce: string, env: NodeJS.ProcessEnv = process.env): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic' https://www.google.com/recaptcha/ https://www.gstatic.com/recaptcha/`,
    "style-src 'self'",
    "img-src 'self' data:",
    "media-src 'self' blob:",
    `connect-src 'self'${uploadOrigin(env)}`,
    "frame-src https://www.google.com/recaptcha/",
    "frame-ancestors 'none'",
    "form-action 'self'",
    "base-uri 'self'",
    "object-src 'none'",
  ].join("; ");
}

export function applySecurityHeaders(
  headers: Headers,
  options: { nonce?: string; production: boolean },
): void {
  if (options.nonce) headers.set("Content-Security-Policy", contentSecurityPolicy(options.nonce));
  headers.set("X-Content-Type-Options", "nosniff");
  headers.set("Referrer-Policy", "strict-origin-when-cross-origin");
  headers.set("X-Frame-Options", "DENY");
  headers.set("Cross-Origin-Opener-Policy", "same-origin");
  headers.set("Permissions-Policy", "camera=(), geolocation=(), microphone=(self)");
  if (options.production) {
    headers.set("Strict-Transport-Security", "max-age=63072000; includeSubDomains");
  }
}

// Responses that are not pages (redirects, CSV downloads, refusals, JSON) have no scripts to
// allow: nothing may load from them or frame them.
const NON_PAGE_CSP =
  "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

type LambdaResult = {
  statusCode?: number;
  headers?: Record<string, string | number | boolean>;
  cookies?: string[];
  body?: string;
  isBase64Encoded?: boolean;
};

/**
 * Every response the Lambda returns gets the security headers, whatever produced it (a page, a
 * redirect, a resource route, the guard's refusal), so no route can forget them. A response to
 * a signed-in request, or one that sets a cookie, is personal: no shared or browser cache may
 * keep it, or the next person on a school computer presses Back into someone else's results.
 */
export function secureResult<R extends LambdaResult>(
  result: R,
  options: { production: boolean; personal: boolean },
): R {
  const headers = new Headers();
  for (const [name, value] of Object.entries(result.headers ?? {}))
    headers.set(name, String(value));
  applySecurityHeaders(headers, { production: options.production });
  if (!headers.has("Content-Security-Policy")) headers.set("Content-Security-Policy", NON_PAGE_CSP);
  if (options.personal || (result.cookies?.length ?? 0) > 0) {
    headers.set("Cache-Control", "private, no-store");
  }
  return { ...result, headers: Object.fromEntries(headers) };
}
