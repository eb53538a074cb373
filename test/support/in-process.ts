import { createRequire } from "node:module";
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from "aws-lambda";

// Sandbox starts a fresh process per request (about 0.5 s), so 1,000 bodies through it would
// take ten minutes. The built Lambda handler (server.ts, guard included) is called in this
// process instead, against the test Sandbox's own DynamoDB and event bus: the same code as
// production, without the HTTP hop. `npm run build` must have run first.
process.env.NODE_ENV = "production";
const { handler } = createRequire(import.meta.url)("../../server/index.js") as {
  handler: (
    event: APIGatewayProxyEventV2,
    context: object,
  ) => Promise<APIGatewayProxyStructuredResultV2>;
};

const HOST = "localhost:3333";
export const ORIGIN = `http://${HOST}`;

export interface Call {
  method: "GET" | "POST";
  path: string;
  headers?: Record<string, string>;
  body?: { text: string; base64: boolean };
}

export class InProcessClient {
  readonly cookies = new Map<string, string>();

  async send(call: Call): Promise<APIGatewayProxyStructuredResultV2> {
    const [rawPath = "/", rawQueryString = ""] = call.path.split("?");
    const event = {
      version: "2.0",
      routeKey: "ANY /*",
      rawPath,
      rawQueryString,
      headers: { host: HOST, ...call.headers },
      cookies: [...this.cookies].map(([k, v]) => `${k}=${v}`),
      requestContext: { http: { method: call.method, path: rawPath, sourceIp: "127.0.0.1" } },
      body: call.body?.text,
      isBase64Encoded: call.body?.base64 ?? false,
    } as unknown as APIGatewayProxyEventV2;
    const result = await handler(event, {});
    for (const line of result.cookies ?? []) {
      const [pair = ""] = line.split(";");
      const eq = pair.indexOf("=");
      this.cookies.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
    return result;
  }

  /** Signs this client in as `cookie` (from sessionCookieFor). */
  signIn(cookie: { name: string; value: string }): this {
    this.cookies.set(cookie.name, cookie.value);
    return this;
  }

  /** Opens `pagePath` for its CSRF token, then posts `fields` as its form would. */
  async submit(pagePath: string, fields: Record<string, string>, actionPath = pagePath) {
    const page = String((await this.send({ method: "GET", path: pagePath })).body);
    const csrf = /name="csrf" value="([^"]+)"/.exec(page)?.[1] ?? "";
    return this.send({
      method: "POST",
      path: actionPath,
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        origin: ORIGIN,
        "sec-fetch-site": "same-origin",
      },
      body: { text: new URLSearchParams({ csrf, ...fields }).toString(), base64: false },
    });
  }

  /** A timed paper's page after pressing Start (a POST), as a student opens it. */
  async open(path: string): Promise<string> {
    const first = String((await this.send({ method: "GET", path })).body);
    if (!first.includes('name="intent" value="start"')) return first;
    const csrf = /name="csrf" value="([^"]+)"/.exec(first)?.[1] ?? "";
    await this.send({
      method: "POST",
      path,
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        origin: ORIGIN,
        "sec-fetch-site": "same-origin",
      },
      body: { text: new URLSearchParams({ csrf, intent: "start" }).toString(), base64: false },
    });
    return String((await this.send({ method: "GET", path })).body);
  }
}
