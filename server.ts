import { createRequestHandler } from "@remix-run/architect";
import * as build from "@remix-run/dev/server-build";
import type { APIGatewayProxyEventV2, Context } from "aws-lambda";
import { refuseUnlessFromCdn, viewerIp } from "~/security/origin-verify.server";
import { guardRequest } from "~/security/request-guard.server";

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
  const notViaCdn = refuseUnlessFromCdn(event.headers);
  if (notViaCdn) return notViaCdn;
  const refusal = guardRequest({
    method: event.requestContext.http.method,
    path: event.rawPath,
    headers: event.headers,
    bodyLength: event.body
      ? event.isBase64Encoded
        ? Math.floor((event.body.length * 3) / 4)
        : Buffer.byteLength(event.body)
      : 0,
  });
  if (refusal) return refusal;
  // Remix answers by promise; the callback is part of the Lambda signature only.
  return remixHandler(event, context, () => undefined);
}
