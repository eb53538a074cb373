import { createRequestHandler } from "@remix-run/architect";
import * as build from "@remix-run/dev/server-build";
import type {
  APIGatewayProxyEventV2,
  APIGatewayProxyStructuredResultV2,
  Context,
} from "aws-lambda";
import { isLocal, publicBaseUrl } from "~/config.server";
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
    ((await remixHandler(event, context, () => undefined)) as APIGatewayProxyStructuredResultV2);
  return secureResult(result, { production: !isLocal(), personal: carriesSession(event) });
}

function carriesSession(event: APIGatewayProxyEventV2): boolean {
  const cookies = [...(event.cookies ?? []), event.headers?.cookie ?? ""].join("; ");
  return cookies.includes(`${sessionCookie.name}=`);
}
