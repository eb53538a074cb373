import { createHash, timingSafeEqual } from "node:crypto";
import type { APIGatewayProxyStructuredResultV2 } from "aws-lambda";

// Deployed, CloudFront is the only way in (docs/decisions/019-cdn-caching.md): it adds this header
// with a secret generated in the stack, so a request straight to the API's own address, which
// would skip the CDN's caching rules and TLS settings, is refused.
const HEADER = "x-origin-verify";
// Set by the CDN's viewer-request function to the student's address, replacing any sent.
const VIEWER_ADDRESS = "x-viewer-address";
const DEPLOYED = new Set(["production", "staging"]);

function isDeployed(env: Record<string, string | undefined>): boolean {
  return DEPLOYED.has(env.ARC_ENV ?? "");
}

function digest(value: string): Buffer {
  return createHash("sha256").update(value).digest();
}

/**
 * A 403 for a deployed request that did not come through the CDN, otherwise undefined. Locally
 * (Sandbox, tests) there is no CDN and nothing is checked. Deployed without a secret, everything
 * is refused: a stack missing its wiring should fail closed, not open.
 */
export function refuseUnlessFromCdn(
  headers: Record<string, string | undefined>,
  env: Record<string, string | undefined> = process.env,
): APIGatewayProxyStructuredResultV2 | undefined {
  if (!isDeployed(env)) return undefined;
  const secret = env.ORIGIN_VERIFY_SECRET;
  const sent = headers[HEADER];
  // Comparing digests keeps the comparison constant-time whatever the length sent.
  if (secret && sent !== undefined && timingSafeEqual(digest(sent), digest(secret))) {
    return undefined;
  }
  return {
    statusCode: 403,
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
    body: "Forbidden: this address only answers requests that come through the site's own address.",
  };
}

/**
 * The student's address, for throttling. Deployed, the API's source address is a CloudFront
 * edge server shared by many students, so the CDN's header is used; it can be trusted because
 * refuseUnlessFromCdn has already turned away requests that bypassed the CDN.
 */
export function viewerIp(
  headers: Record<string, string | undefined>,
  sourceIp: string | undefined,
  env: Record<string, string | undefined> = process.env,
): string {
  const fromCdn = isDeployed(env) ? headers[VIEWER_ADDRESS] : undefined;
  return fromCdn || sourceIp || "unknown";
}
