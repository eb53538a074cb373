import * as z from "zod";
import { OPERATIONS, type Operation } from "./operations.server";
import { problem } from "./replies.server";

/**
 * GET /api/v1/openapi.json, generated from the schemas the routes validate with (zod 4's JSON
 * Schema output), so the document cannot drift from the code.
 */

/** Problems any operation may answer with, besides its own successes. */
const PROBLEM_STATUSES: Record<number, string> = {
  400: "The request could not be read",
  401: "No valid bearer token (or wrong credentials)",
  402: "No cloud-scored assessments left: the answer is kept; send scoring: offline or buy more",
  403: "Refused (unconfirmed email, origin not allowed)",
  404: "Not found, or not yours",
  405: "Method not allowed",
  409: "Not in a state that allows this (already handed in, code used)",
  410: "The QR code or upload has expired",
  413: "Too large (a recording over its limit)",
  422: "Invalid fields, listed in errors",
  429: "Too many attempts; see Retry-After",
  500: "Something went wrong on our side",
};

/** JSON Schema 2020-12, OpenAPI 3.1's own dialect, so no `$schema` inside the document. */
function schemaOf(schema: z.ZodType, io: "input" | "output") {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, {
    target: "draft-2020-12",
    io,
    unrepresentable: "any",
  });
  return rest;
}

const PROBLEM_REF = { $ref: "#/components/schemas/Problem" };

function responses(operation: Operation) {
  const out: Record<string, unknown> = {};
  for (const [status, { description, schema }] of Object.entries(operation.responses)) {
    out[status] = schema
      ? { description, content: { "application/json": { schema: schemaOf(schema, "output") } } }
      : { description };
  }
  if (operation.method === "get") out["304"] = { description: "Not modified (If-None-Match)" };
  for (const [status, description] of Object.entries(PROBLEM_STATUSES)) {
    out[status] ??= {
      description,
      content: { "application/problem+json": { schema: PROBLEM_REF } },
    };
  }
  return out;
}

function parameters(operation: Operation) {
  const path = [...operation.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({
    name,
    in: "path",
    required: true,
    schema: { type: "string" },
  }));
  const query = Object.entries(operation.query?.shape ?? {}).map(([name, schema]) => ({
    name,
    in: "query",
    required: false,
    schema: schemaOf(schema as z.ZodType, "input"),
  }));
  return [...path, ...query];
}

/** The OpenAPI 3.1 document of /api/v1. */
export function openApiDocument(serverUrl: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const operation of OPERATIONS) {
    const params = parameters(operation);
    (paths[operation.path] ??= {})[operation.method] = {
      summary: operation.summary,
      ...(operation.bearer ? { security: [{ bearer: [] }] } : { security: [] }),
      ...(params.length ? { parameters: params } : {}),
      ...(operation.rawBody
        ? {
            requestBody: {
              required: true,
              description: operation.rawBody,
              content: { "audio/*": { schema: { type: "string", contentMediaType: "audio/*" } } },
            },
          }
        : {}),
      ...(operation.body
        ? {
            requestBody: {
              required: true,
              content: { "application/json": { schema: schemaOf(operation.body, "input") } },
            },
          }
        : {}),
      responses: responses(operation),
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "IELTS AI Prep mobile API",
      version: "1",
      description:
        "JSON for the mobile app. Errors are RFC 9457 application/problem+json with a stable type. GET replies carry a weak ETag (send If-None-Match for 304) and are compressed (gzip or brotli) when accepted and over 1 KB.",
    },
    servers: [{ url: serverUrl }],
    components: {
      schemas: { Problem: schemaOf(problem, "output") },
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", description: "From POST /api/v1/sessions" },
      },
    },
    paths,
  };
}
