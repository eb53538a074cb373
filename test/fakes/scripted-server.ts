import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

type RecordedRequest = {
  method: string;
  path: string;
  headers: IncomingMessage["headers"];
  body: unknown;
};

/** Shared behaviour of the fakes: a script to play, and a record of what was asked. */
export type ScriptedServer<B> = {
  url: string;
  requests: RecordedRequest[];
  /** Queues behaviours, one per request, in order. */
  script(...behaviours: B[]): void;
  /** Played when the queue is empty; unset, an unscripted request gets a 500. */
  otherwise(behaviour: B | undefined): void;
  reset(): void;
  close(): Promise<void>;
};

export type Handle<B> = (
  behaviour: B | undefined,
  req: RecordedRequest,
  res: ServerResponse,
) => void;

export async function startScriptedServer<B>(
  handle: Handle<B>,
  port = 0,
): Promise<ScriptedServer<B>> {
  const queue: B[] = [];
  let fallback: B | undefined;
  const requests: RecordedRequest[] = [];
  const server = createServer((incoming, res) => {
    const chunks: Buffer[] = [];
    incoming.on("data", (c: Buffer) => chunks.push(c));
    incoming.on("end", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // Not JSON: recorded as sent.
      }
      const recorded: RecordedRequest = {
        method: incoming.method ?? "",
        path: decodeURIComponent((incoming.url ?? "").split("?")[0] ?? ""),
        headers: incoming.headers,
        body,
      };
      requests.push(recorded);
      handle(queue.shift() ?? fallback, recorded, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const bound = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${bound}`,
    requests,
    script: (...behaviours) => queue.push(...behaviours),
    otherwise: (behaviour) => {
      fallback = behaviour;
    },
    reset: () => {
      queue.length = 0;
      requests.length = 0;
      fallback = undefined;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        // Hanging requests would otherwise keep the server open for ever.
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}
