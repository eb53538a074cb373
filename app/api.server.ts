import { createHash } from "node:crypto";
import type { ActionFunctionArgs, AppLoadContext, LoaderFunctionArgs } from "@remix-run/node";
import type * as z from "zod";
import { validate, type FieldErrors } from "../src/accounts/validation";
import { publicBaseUrl } from "~/config.server";

/**
 * The HTTP edge of /api/v1: JSON replies, RFC 9457 problems and CORS. Handlers return data and
 * throw problems; nothing here knows about accounts or assessments.
 */

const PROBLEM_BASE = "https://ielts-ai-prep.example/problems/";

// The `type` URIs are part of the API: the app branches on them, so they never change.
const PROBLEMS = {
  "bad-request": { status: 400, title: "The request could not be read" },
  validation: { status: 422, title: "Some fields are missing or invalid" },
  unauthorized: { status: 401, title: "A valid bearer token is required" },
  "no-credit": { status: 402, title: "No cloud-scored assessments left" },
  "invalid-credentials": { status: 401, title: "That email and password do not match an account" },
  "email-unverified": { status: 403, title: "The email address is not confirmed yet" },
  "origin-not-allowed": { status: 403, title: "This origin may not call the API" },
  "not-found": { status: 404, title: "Not found" },
  "method-not-allowed": { status: 405, title: "Method not allowed" },
  conflict: { status: 409, title: "The resource is not in a state that allows this" },
  "qr-expired": { status: 410, title: "This QR code has expired" },
  "upload-expired": { status: 410, title: "This upload has expired" },
  "too-large": { status: 413, title: "Too large" },
  throttled: { status: 429, title: "Too many attempts" },
  internal: { status: 500, title: "Something went wrong on our side" },
} as const;

export type ProblemKind = keyof typeof PROBLEMS;

const METHODS = ["GET", "POST", "PUT", "DELETE", "OPTIONS"] as const;
type Method = Exclude<(typeof METHODS)[number], "OPTIONS">;

function allowedOrigins(request: Request, env: NodeJS.ProcessEnv = process.env): string[] {
  const configured = (env.ALLOWED_ORIGINS ?? "")
    .split(",")
    .map((origin) => origin.trim())
    .filter(Boolean);
  return configured.length ? configured : [publicBaseUrl(env)];
}

/**
 * Only listed origins get the CORS headers, so a page elsewhere cannot read replies even with a
 * stolen token. Vary on Origin keeps a cache from serving one origin's headers to another.
 * No Allow-Credentials: the API takes bearer tokens, never cookies.
 */
function corsHeaders(request: Request): Headers {
  // nosniff: no browser may read a JSON reply as a script or a page.
  const headers = new Headers({ Vary: "Origin", "X-Content-Type-Options": "nosniff" });
  const origin = request.headers.get("Origin");
  if (origin && allowedOrigins(request).includes(origin)) {
    headers.set("Access-Control-Allow-Origin", origin);
    headers.set("Access-Control-Expose-Headers", "ETag, Retry-After, WWW-Authenticate");
  }
  return headers;
}

export function problem(
  request: Request,
  kind: ProblemKind,
  detail: string,
  extra: { fieldErrors?: FieldErrors<Record<string, unknown>>; headers?: HeadersInit } = {},
): Response {
  const { status, title } = PROBLEMS[kind];
  const errors = Object.entries(extra.fieldErrors ?? {}).map(([field, message]) => ({
    pointer: `#/${field}`,
    detail: message,
  }));
  const body = {
    type: `${PROBLEM_BASE}${kind}`,
    title,
    status,
    detail,
    instance: new URL(request.url).pathname,
    ...(errors.length ? { errors } : {}),
  };
  const headers = corsHeaders(request);
  headers.set("Content-Type", "application/problem+json");
  headers.set("Cache-Control", "no-store");
  new Headers(extra.headers).forEach((value, name) => headers.set(name, value));
  return new Response(JSON.stringify(body), { status, headers });
}

function preflight(request: Request): Response {
  const headers = corsHeaders(request);
  if (!headers.has("Access-Control-Allow-Origin")) {
    return problem(
      request,
      "origin-not-allowed",
      "Ask for this origin to be added to ALLOWED_ORIGINS.",
    );
  }
  headers.set("Access-Control-Allow-Methods", METHODS.join(", "));
  headers.set("Access-Control-Allow-Headers", "Content-Type, Authorization, X-Requested-With");
  headers.set("Access-Control-Max-Age", "3600");
  return new Response(null, { status: 204, headers });
}

/**
 * A weak validator over the exact bytes: a phone on a slow line that already holds the reply
 * gets 304 and no body. `private, no-cache` lets only the device keep it, and only to revalidate.
 */
function reply(request: Request, status: number, data: unknown): Response {
  const headers = corsHeaders(request);
  if (data === undefined) return new Response(null, { status: 204, headers });
  const body = JSON.stringify(data);
  headers.set("Content-Type", "application/json");
  headers.set("Cache-Control", "private, no-cache");
  if (request.method === "GET" && status === 200) {
    const etag = `W/"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
    headers.set("ETag", etag);
    const sent = request.headers
      .get("If-None-Match")
      ?.split(",")
      .map((tag) => tag.trim());
    if (sent?.includes(etag) || sent?.includes("*")) {
      return new Response(null, { status: 304, headers });
    }
  }
  return new Response(body, { status, headers });
}

type HandlerArgs = {
  request: Request;
  params: LoaderFunctionArgs["params"];
  context: AppLoadContext;
};
/** What a handler gives back: a body to send as JSON (none: 204), and its status. */
type ApiReply = { status?: number; data?: unknown };
type Handler = (args: HandlerArgs) => Promise<ApiReply>;

/**
 * One route module's loader and action from handlers by method: OPTIONS (which Remix routes to
 * the action) answers the preflight, thrown problems pass through, and anything else thrown
 * becomes a 500 problem rather than Remix's HTML error page.
 */
export function apiRoute(handlers: Partial<Record<Method, Handler>>) {
  const allow = [...Object.keys(handlers), "OPTIONS"].join(", ");
  async function handle(args: LoaderFunctionArgs | ActionFunctionArgs): Promise<Response> {
    const { request } = args;
    const method = request.method.toUpperCase();
    if (method === "OPTIONS") return preflight(request);
    const handler = handlers[(method === "HEAD" ? "GET" : method) as Method];
    if (!handler) {
      return problem(request, "method-not-allowed", `Use ${allow}.`, { headers: { Allow: allow } });
    }
    try {
      const { status = 200, data } = await handler(args);
      return reply(request, status, data);
    } catch (thrown) {
      if (thrown instanceof Response) return thrown;
      console.error("API handler failed", request.method, new URL(request.url).pathname, thrown);
      return problem(request, "internal", "Try again in a moment.");
    }
  }
  return { loader: handle, action: handle };
}

/** The JSON body of a request, or a 400 problem: a malformed body must never become a 500. */
export async function readJson(request: Request): Promise<Record<string, unknown>> {
  try {
    const body: unknown = await request.json();
    if (body && typeof body === "object" && !Array.isArray(body)) {
      return body as Record<string, unknown>;
    }
  } catch {
    // Answered below, like a body that parsed to something other than an object.
  }
  throw problem(request, "bad-request", "Send a JSON object with Content-Type: application/json.");
}

/** A request's body as the bytes sent (see server.ts for why not `request.arrayBuffer()`). */
export async function rawBody(request: Request, context: AppLoadContext): Promise<Uint8Array> {
  const fromEvent = context.rawBody;
  if (typeof fromEvent === "function") return (fromEvent as () => Uint8Array)();
  return new Uint8Array(await request.arrayBuffer());
}

/** Input checked against its schema, or a 422 problem that lists each field and what is wrong. */
export function validated<S extends z.ZodType<Record<string, unknown>>>(
  request: Request,
  schema: S,
  input: FormData | Record<string, unknown>,
): z.infer<S> {
  const result = validate(schema, input);
  if (result.ok) return result.data;
  throw problem(request, "validation", "Check the fields listed.", {
    fieldErrors: result.fieldErrors,
  });
}
