import * as z from "zod";
import { baseUrl } from "./ports";

/**
 * Checks an API reply against the OpenAPI document the server serves: the path and method are
 * documented, the status is listed for them, the media type is the documented one, and the body
 * is valid against the documented JSON Schema. The validator is built from the document's JSON
 * (zod 4's `z.fromJSONSchema`), not from the zod schemas the document was generated from, so a
 * reply that drifts from the published contract fails.
 */

type Json = Record<string, unknown>;
interface Document {
  paths: Record<string, Record<string, { responses: Record<string, Json> }>>;
  components: { schemas: Record<string, Json> };
}

let loaded: Promise<Document> | undefined;

function documentFrom(origin: string): Promise<Document> {
  loaded ??= fetch(new URL("/api/v1/openapi.json", origin)).then(async (response) => {
    if (!response.ok) throw new Error(`openapi.json: ${response.status}`);
    return (await response.json()) as Document;
  });
  return loaded;
}

/** `$ref`s into components replaced by what they name (the document has no cycles). */
function resolve(node: unknown, doc: Document): unknown {
  if (Array.isArray(node)) return node.map((item) => resolve(item, doc));
  if (!node || typeof node !== "object") return node;
  const ref = (node as Json).$ref;
  if (typeof ref === "string" && ref.startsWith("#/components/schemas/")) {
    return resolve(doc.components.schemas[ref.slice("#/components/schemas/".length)], doc);
  }
  return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, resolve(v, doc)]));
}

const validators = new Map<string, z.ZodType>();

function validatorFor(key: string, schema: unknown, doc: Document): z.ZodType {
  let validator = validators.get(key);
  if (!validator) {
    validator = z.fromJSONSchema(resolve(schema, doc) as Parameters<typeof z.fromJSONSchema>[0], {
      defaultTarget: "draft-2020-12",
    });
    validators.set(key, validator);
  }
  return validator;
}

function operationFor(doc: Document, method: string, pathname: string) {
  for (const [template, operations] of Object.entries(doc.paths)) {
    const pattern = new RegExp(`^${template.replace(/\{\w+\}/g, "[^/]+")}$`);
    if (pattern.test(pathname)) {
      const operation = operations[method.toLowerCase()];
      return operation ? { template, operation } : null;
    }
  }
  return null;
}

export async function expectDocumented(
  reply: { method: string; url: string; status: number; contentType: string; body: string },
  origin: string = baseUrl,
): Promise<void> {
  const doc = await documentFrom(origin);
  const { pathname } = new URL(reply.url);
  const where = `${reply.method} ${pathname} ${reply.status}`;
  const found = operationFor(doc, reply.method, pathname);
  const mediaType = reply.contentType.split(";")[0]!.trim();
  let schema: unknown;
  let key: string;
  if (found) {
    const response = found.operation.responses[String(reply.status)];
    if (!response) throw new Error(`${where}: status not in the OpenAPI document`);
    const content = response.content as Record<string, { schema: unknown }> | undefined;
    if (!content) {
      if (reply.body) throw new Error(`${where}: documented without a body, got one`);
      return;
    }
    if (!content[mediaType]) throw new Error(`${where}: ${mediaType} is not documented`);
    schema = content[mediaType]!.schema;
    key = `${reply.method} ${found.template} ${reply.status}`;
  } else {
    // Undocumented paths and methods answer only as problems (404, 405).
    if (mediaType !== "application/problem+json") {
      throw new Error(`${where}: not in the OpenAPI document`);
    }
    schema = { $ref: "#/components/schemas/Problem" };
    key = "problem";
  }
  const checked = validatorFor(key, schema, doc).safeParse(JSON.parse(reply.body));
  if (!checked.success) {
    throw new Error(`${where}: not valid against the OpenAPI document: ${checked.error.message}`);
  }
}
