import { createServer, request, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * What the proxy does with one request:
 * - `pass`: forwards it and returns the answer;
 * - `throttle`: answers as DynamoDB does when a table's throughput is exceeded (never forwarded);
 * - `fail`: answers 500 (never forwarded), as a broken event bus would;
 * - `hold`: never forwards it and never answers (the connection is left open);
 * - `lose-answer`: forwards it (so the write is made) and then never answers;
 * - `unprocessed`: answers a BatchGetItem as DynamoDB does when throughput runs out part-way: a
 *   success that reads nothing and hands every key back under `UnprocessedKeys` (never
 *   forwarded). The SDK does not retry that; the caller must.
 */
export type Fault = "pass" | "throttle" | "fail" | "hold" | "lose-answer" | "unprocessed";

export interface ProxiedRequest {
  /** DynamoDB's operation (`UpdateItem`) from `X-Amz-Target`, else the path. */
  operation: string;
  body: string;
}

export interface FaultyProxy {
  /** `http://127.0.0.1:port`, to be used in place of the real service's address. */
  url: string;
  port: number;
  /** Every request seen, with what was done to it. */
  log: { operation: string; fault: Fault }[];
  /** Decides each request's fault; the default passes everything. */
  rule(decide: (req: ProxiedRequest) => Fault): void;
  /** Back to passing everything, with an empty log; held requests stay held until release. */
  reset(): void;
  /** Answers every held request with a 503 at last (its client may have given up on it). */
  release(): Promise<void>;
  close(): Promise<void>;
}

const THROTTLED_BODY = JSON.stringify({
  __type: "com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException",
  message:
    "The level of configured provisioned throughput for the table was exceeded. Consider increasing your provisioning level with the UpdateTable API.",
});

function operationOf(headers: IncomingHttpHeaders, path: string): string {
  const target = headers["x-amz-target"];
  return typeof target === "string" ? (target.split(".").pop() ?? target) : path;
}

/**
 * A localhost HTTP proxy in front of a real service (Sandbox's DynamoDB or its event bus) that
 * injects one fault per request as its rule says: the client and the service stay real.
 */
export async function startFaultyProxy(targetPort: number): Promise<FaultyProxy> {
  let decide: (req: ProxiedRequest) => Fault = () => "pass";
  const log: FaultyProxy["log"] = [];
  const held: ServerResponse[] = [];

  const forward = (
    method: string,
    path: string,
    headers: IncomingHttpHeaders,
    body: Buffer,
    res: ServerResponse | null,
  ) => {
    const upstream = request(
      { host: "127.0.0.1", port: targetPort, method, path, headers },
      (answer) => {
        const chunks: Buffer[] = [];
        answer.on("data", (c: Buffer) => chunks.push(c));
        answer.on("end", () => {
          if (!res) return; // the answer is lost on its way back (its request stays held)
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          res.end(Buffer.concat(chunks));
        });
      },
    );
    upstream.on("error", () => {
      if (res && !res.headersSent) res.writeHead(502).end();
    });
    upstream.end(body);
  };

  const server = createServer((incoming, res) => {
    const chunks: Buffer[] = [];
    incoming.on("data", (c: Buffer) => chunks.push(c));
    incoming.on("end", () => {
      const body = Buffer.concat(chunks);
      const path = incoming.url ?? "/";
      const operation = operationOf(incoming.headers, path);
      const fault = decide({ operation, body: body.toString("utf8") });
      log.push({ operation, fault });
      const method = incoming.method ?? "GET";
      switch (fault) {
        case "pass":
          forward(method, path, incoming.headers, body, res);
          return;
        case "lose-answer":
          held.push(res);
          forward(method, path, incoming.headers, body, null);
          return;
        case "hold":
          held.push(res);
          return;
        case "fail":
          res.writeHead(500, { "content-type": "text/plain" }).end("injected failure");
          return;
        case "unprocessed": {
          const { RequestItems } = JSON.parse(body.toString("utf8")) as { RequestItems: unknown };
          res
            .writeHead(200, { "content-type": "application/x-amz-json-1.0" })
            .end(JSON.stringify({ Responses: {}, UnprocessedKeys: RequestItems }));
          return;
        }
        case "throttle":
          res
            .writeHead(400, {
              "content-type": "application/x-amz-json-1.0",
              "x-amzn-errortype": "ProvisionedThroughputExceededException",
              "x-amzn-requestid": `FAULT${log.length}`,
            })
            .end(THROTTLED_BODY);
          return;
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  const release = async () => {
    const waiting = held
      .splice(0)
      .filter((res) => !res.writableEnded && res.socket && !res.socket.destroyed);
    await Promise.all(
      waiting.map(
        (res) =>
          new Promise<void>((resolve) => {
            res.once("finish", resolve);
            res.once("close", resolve);
            res.writeHead(503, { "content-type": "text/plain" }).end("released");
          }),
      ),
    );
  };
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    log,
    rule: (next) => {
      decide = next;
    },
    reset: () => {
      decide = () => "pass";
      log.length = 0;
    },
    release,
    close: async () => {
      // Answered rather than cut: a client without an error handler would crash on a reset.
      await release();
      await new Promise<void>((resolve, reject) => {
        // Held requests would otherwise keep the server open for ever.
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      });
    },
  };
}

/** A rule that applies `fault` to the next `count` requests for which `matches` holds, then passes. */
export function nextMatching(
  count: number,
  fault: Fault,
  matches: (req: ProxiedRequest) => boolean = () => true,
): (req: ProxiedRequest) => Fault {
  let left = count;
  return (req) => {
    if (left > 0 && matches(req)) {
      left--;
      return fault;
    }
    return "pass";
  };
}
