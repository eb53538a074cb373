// The package's index also loads its DynamoDB session storage, with its own older copy of
// @architect/functions and AWS client (about 200 KB of the bundle), which we do not use.
import { createRequestHandler } from "@remix-run/architect/dist/server";
import * as build from "@remix-run/dev/server-build";
import type {
  APIGatewayProxyEventV2,
  APIGatewayProxyStructuredResultV2,
  Context,
} from "aws-lambda";
import { compressed } from "~/compression.server";
import { isLocal, publicBaseUrl } from "~/config.server";
import { inRequestScope } from "~/request-scope.server";
import { sessionCookie } from "~/security/cookies.server";
import { secureResult } from "~/security/headers.server";
import { refuseUnlessFromCdn, viewerIp } from "~/security/origin-verify.server";
import { guardRequest } from "~/security/request-guard.server";

// Refuse to start without the site's address rather than mail links built from a request.
publicBaseUrl();

const remixHandler = createRequestHandler({
  build,
  mode: process.env.NODE_ENV,
  getLoadContext: (event: APIGatewayProxyEventV2) => ({
    clientIp: viewerIp(event.headers, event.requestContext?.http?.sourceIp),
    // The adapter turns every base64 body except a multipart form into a UTF-8 string, which
    // corrupts a recording: a route that takes raw bytes reads them here (decoded on demand).
    rawBody: (): Uint8Array =>
      event.isBase64Encoded
        ? Buffer.from(event.body ?? "", "base64")
        : Buffer.from(event.body ?? "", "utf8"),
  }),
});

// Cross-site and oversized requests are refused before any route code runs, so no action can
// forget the check.
export async function handler(event: APIGatewayProxyEventV2, context: Context) {
  // Nothing here trusts a forwarded host (links come from PUBLIC_BASE_URL), and Remix aborts an
  // action whose X-Forwarded-Host differs from its Origin with a 500: drop the header.
  delete event.headers["x-forwarded-host"];
  const refusal =
    refuseUnlessFromCdn(event.headers) ??
    guardRequest({
      method: event.requestContext.http.method,
      path: event.rawPath,
      headers: event.headers,
      bodyLength: event.body
        ? event.isBase64Encoded
          ? Math.floor((event.body.length * 3) / 4)
          : Buffer.byteLength(event.body)
        : 0,
    });
  // Remix answers by promise; the callback is part of the Lambda signature only.
  // The Remix adapter always answers with a structured result (status, headers, body).
  const result =
    refusal ??
    ((await inRequestScope(event.requestContext.http.method, () =>
      remixHandler(event, context, () => undefined),
    )) as APIGatewayProxyStructuredResultV2);
  return secureResult(compressApi(event, result), {
    production: !isLocal(),
    personal: carriesSession(event),
  });
}

/** API replies over 1 KB go compressed to a client that accepts it: phones on slow networks. */
function compressApi(
  event: APIGatewayProxyEventV2,
  result: APIGatewayProxyStructuredResultV2,
): APIGatewayProxyStructuredResultV2 {
  if (!event.rawPath.startsWith("/api/") || !result.body || result.isBase64Encoded) return result;
  const packed = compressed(result.body, event.headers["accept-encoding"]);
  if (!packed) return result;
  const headers = { ...result.headers };
  const vary = Object.keys(headers).find((name) => name.toLowerCase() === "vary");
  const varied = vary ? `${String(headers[vary])}, Accept-Encoding` : "Accept-Encoding";
  if (vary) delete headers[vary];
  return {
    ...result,
    headers: { ...headers, Vary: varied, "Content-Encoding": packed.encoding },
    body: packed.bytes.toString("base64"),
    isBase64Encoded: true,
  };
}

function carriesSession(event: APIGatewayProxyEventV2): boolean {
  const cookies = [...(event.cookies ?? []), event.headers?.cookie ?? ""].join("; ");
  return cookies.includes(`${sessionCookie.name}=`);
}
