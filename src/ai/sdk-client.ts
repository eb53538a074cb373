import { NodeHttpHandler } from "@smithy/node-http-handler";

export type ClientOptions = { endpoint?: string; region?: string };

/**
 * For the AWS clients whose calls the chain or the worker retries itself: the SDK's own retries
 * are off, and HTTP/1.1 keeps the production path the same one the fake servers test.
 */
export function singleAttemptConfig(options: ClientOptions) {
  return {
    maxAttempts: 1,
    requestHandler: new NodeHttpHandler(),
    ...(options.region ? { region: options.region } : {}),
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
  };
}
