import * as z from "zod";
import { DEVICE_NAME_MAX } from "../src/accounts/devices";
import { loginSchema } from "../src/accounts/validation";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "../src/assessments/student-work";
import type { AssessmentDetail, AssessmentSummary } from "../src/assessments/student-work";
import type { PaperBlock } from "../src/assessments/objective-paper-view";
import type { Device } from "../src/accounts/devices";
import type { ProgressOverview } from "../src/progress/overview";
import { MAX_ANSWER_CHARS } from "../src/assessments/objective-paper";
import { QUESTION_TYPES } from "../src/scoring/question-schema";
import { LISTENING_ADJUSTMENTS } from "../src/domain/assessment";
import { uploadRequestSchema } from "../src/assessments/recording-upload";
import type { SpeakingTaskView } from "../src/assessments/speaking";
import { SPEAKING_PARTS } from "../src/assessments/speaking-fields";
import {
  draftResponseSchema,
  submitResponseSchema,
  type WritingTaskView,
} from "../src/assessments/writing";

/**
 * The /api/v1 contract in one place: the zod schemas the routes validate requests with, the
 * schemas of what they send back, and the operations. GET /api/v1/openapi.json is generated
 * from this (zod 4's JSON Schema output), so the document cannot drift from the code; the
 * response schemas are checked against the domain types by `satisfies`.
 */

// ------------------------------------------------------------------------------- requests

const deviceNameSchema = z
  .string({ error: "Name the device, like “Amina’s phone”." })
  .trim()
  .min(1, "Name the device, like “Amina’s phone”.")
  .max(DEVICE_NAME_MAX, `A device name has at most ${DEVICE_NAME_MAX} characters.`);

export const signInSchema = loginSchema
  .pick({ email: true, password: true })
  .extend({ deviceName: deviceNameSchema });

/** The token read from a scanned QR code; its format is checked by the use case. */
const qrTokenSchema = z
  .string({ error: "Send the token from the QR code." })
  .min(1, "Send the token from the QR code.")
  .max(100, "That is not a token from one of our QR codes.");

export const qrTokenBody = z.object({ token: qrTokenSchema });
export const qrSignInSchema = z.object({ token: qrTokenSchema, deviceName: deviceNameSchema });

const limitError = `limit is a whole number from 1 to ${MAX_PAGE_SIZE}.`;
export const listQuery = z.object({
  limit: z.coerce
    .number({ error: limitError })
    .int(limitError)
    .min(1, limitError)
    .max(MAX_PAGE_SIZE, limitError)
    .default(DEFAULT_PAGE_SIZE),
  cursor: z.string().max(1000, "Pass the cursor exactly as the previous page gave it.").optional(),
});

const moduleField = z.enum(["academic", "general"], { error: "module is academic or general." });

export const startBody = z.discriminatedUnion(
  "skill",
  [
    z.object({
      skill: z.enum(["reading", "listening"]),
      module: moduleField,
      adjustment: z
        .enum(LISTENING_ADJUSTMENTS, { error: "adjustment is free-playback or transcript." })
        .optional()
        .describe("Listening taken another way: free playback, or the transcripts to read"),
    }),
    z.object({
      skill: z.literal("writing"),
      module: moduleField,
      task: z.union([z.literal(1), z.literal(2)], { error: "task is 1 or 2." }),
    }),
    z.object({ skill: z.literal("speaking"), module: moduleField }),
  ],
  { error: "skill is writing, speaking, reading or listening." },
);

const scoringField = z
  .enum(["cloud", "offline"], { error: "scoring is cloud or offline." })
  .default("cloud")
  .describe("cloud uses a credit when the student has one; offline never does");

export const writingDraftBody = z.object({
  response: z.string({ error: "response is the answer's text." }).pipe(draftResponseSchema),
});
export const writingSubmitBody = z.object({
  response: z.string({ error: "response is the answer's text." }).pipe(submitResponseSchema),
  scoring: scoringField,
  confirmShort: z
    .boolean({ error: "confirmShort is true or false." })
    .default(false)
    .describe("Submit an answer under half the minimum length anyway"),
});

const byPart = <T extends z.ZodType>(value: T, what: string) =>
  z
    .strictObject(
      Object.fromEntries(SPEAKING_PARTS.map((part) => [part, value.optional()])) as Record<
        "1" | "2" | "3",
        z.ZodOptional<T>
      >,
      { error: `${what} maps the parts "1", "2" and "3" to their answers.` },
    )
    .default({});

/** Transcripts replace the saved ones part by part; a recording is the key its upload gave. */
export const speakingBody = z.object({
  transcripts: byPart(z.string({ error: "A transcript is text." }), "transcripts"),
  recordings: byPart(
    z.string({ error: "A recording is the key its upload gave." }).max(300),
    "recordings",
  ),
  scoring: scoringField,
});

export const uploadBody = uploadRequestSchema;

export const progressQuery = z.object({
  skill: z
    .enum(["writing", "speaking", "reading", "listening"], {
      error: "skill is writing, speaking, reading or listening.",
    })
    .optional(),
});

/** `{answers: {questionId: answer}}`; with the paper's ids, other keys are refused. */
export function answersBody(ids?: ReadonlySet<string>) {
  const key = ids
    ? z.string().refine((id) => ids.has(id), "Not a question of this paper.")
    : z.string();
  return z.object({
    answers: z
      .record(
        key,
        z
          .string()
          .trim()
          .max(MAX_ANSWER_CHARS, `An answer has at most ${MAX_ANSWER_CHARS} characters.`),
        { error: "answers maps question ids to the answers given." },
      )
      .transform((answers) => Object.fromEntries(Object.entries(answers).filter(([, v]) => v))),
  });
}

// ------------------------------------------------------------------------------ responses

const iso = z.string().describe("ISO 8601 date and time, UTC");
const skill = z.enum(["writing", "speaking", "reading", "listening", "mock"]);
const moduleName = z.enum(["academic", "general"]);
const status = z.enum(["draft", "queued", "scoring", "scored", "failed"]);

const device = z.object({
  deviceId: z.string().describe("The token's hash: revokes the device, signs nobody in"),
  name: z.string(),
  userAgent: z.string(),
  createdAt: iso,
  lastUsedAt: iso,
  expiresAt: iso,
}) satisfies z.ZodType<Device>;

const signedIn = z.object({
  token: z.string().describe("256 random bits, base64url; shown once"),
  tokenType: z.literal("Bearer"),
  expiresAt: iso,
  device,
});

const me = z.object({
  id: z.string(),
  email: z.string(),
  role: z.string(),
  device,
  devices: z.array(device),
});

const summaryFields = {
  id: z.string(),
  skill,
  module: moduleName,
  status,
  createdAt: iso,
  submittedAt: iso.nullable(),
  late: z.boolean(),
  band: z.number().nullable(),
};
const summary = z.object(summaryFields) satisfies z.ZodType<AssessmentSummary>;

const detail = z.object({
  ...summaryFields,
  deadlineAt: iso.nullable(),
  result: z
    .object({
      criteria: z.record(z.string(), z.number()),
      overall: z.number(),
      summary: z.string(),
      points: z.array(
        z.object({
          criterion: z.string(),
          kind: z.enum(["strength", "improve"]),
          text: z.string(),
        }),
      ),
    })
    .nullable(),
  marking: z.object({ raw: z.number(), maxRaw: z.number(), band: z.number() }).nullable(),
  failureReason: z.string().nullable(),
}) satisfies z.ZodType<AssessmentDetail>;

const page = z.object({ items: z.array(summary), nextCursor: z.string().nullable() });

const labelled = z.object({ label: z.string(), text: z.string() });
const questionType = z.enum(QUESTION_TYPES);
const block = z.object({
  id: z.string(),
  heading: z.string(),
  title: z.string().nullable(),
  paragraphs: z.array(z.object({ label: z.string().nullable(), text: z.string() })),
  audio: z.array(z.object({ src: z.string(), type: z.string() })).nullable(),
  introduction: z.string().nullable(),
  groups: z.array(
    z.object({
      type: questionType,
      instructions: z.string(),
      title: z.string().nullable(),
      box: z.array(labelled),
      limitHint: z.string().nullable(),
      questions: z.array(
        z.object({
          id: z.string(),
          number: z.number(),
          span: z.number(),
          label: z.string(),
          type: questionType,
          prompt: z.string(),
          options: z.array(labelled),
        }),
      ),
    }),
  ),
}) satisfies z.ZodType<PaperBlock>;

const paper = z.object({
  assessmentId: z.string(),
  title: z.string(),
  status,
  deadlineAt: iso.nullable(),
  answers: z.record(z.string(), z.string()),
  blocks: z.array(block),
});

const skillOfFour = z.enum(["writing", "speaking", "reading", "listening"]);
const progress = z.object({
  skill: skillOfFour.nullable(),
  total: z.number().int(),
  rows: z.array(
    z.object({
      assessmentId: z.string(),
      date: iso,
      skill,
      module: moduleName,
      status,
      task: z.union([z.literal(1), z.literal(2)]).optional(),
      question: z.string(),
      late: z.boolean(),
      overall: z.number().nullable(),
      criteria: z.record(z.string(), z.number()),
      score: z.object({ raw: z.number(), maxRaw: z.number() }).nullable(),
    }),
  ),
  series: z.array(
    z.object({
      skill,
      points: z.array(z.object({ assessmentId: z.string(), date: iso, band: z.number() })),
    }),
  ),
  criteria: z.array(
    z.object({
      skill: z.enum(["writing", "speaking"]),
      stats: z.array(
        z.object({
          criterion: z.string(),
          latest: z.number(),
          average: z.number(),
          count: z.number().int(),
        }),
      ),
    }),
  ),
}) satisfies z.ZodType<ProgressOverview>;

const writingTask = z.object({
  assessmentId: z.string(),
  status,
  module: moduleName,
  task: z.union([z.literal(1), z.literal(2)]),
  prompt: z.string(),
  visual: z.string().nullable().describe("Academic Task 1: the chart or diagram in words"),
  minWords: z.number().int(),
  timeLimitMinutes: z.number().int(),
  deadlineAt: iso.nullable(),
  response: z.string(),
}) satisfies z.ZodType<WritingTaskView>;

const speakingTask = z.object({
  assessmentId: z.string(),
  status,
  module: moduleName,
  parts: z.array(
    z.object({
      part: z.union([z.literal(1), z.literal(2), z.literal(3)]),
      questions: z.array(z.string()),
      transcript: z.string(),
      recording: z.object({ contentType: z.string() }).nullable(),
    }),
  ),
}) satisfies z.ZodType<SpeakingTaskView>;

const uploadTicket = z.object({
  key: z.string().describe("Name it in recordings when saving or submitting"),
  upload: z.object({
    method: z.literal("PUT"),
    url: z.string().describe("Send the recording here, not to this API; single use"),
    headers: z.record(z.string(), z.string()).describe("Send exactly these headers"),
    expiresAt: iso,
  }),
});

const qrRequest = z.object({
  kind: z.enum(["web-login", "app-sign-in"]),
  browser: z.string().describe("The browser that showed the code, like “Chrome on Windows”"),
  requestedAt: iso,
  expiresAt: iso,
});
const qrApproval = qrRequest.extend({ approvedAt: iso });

const problem = z
  .object({
    type: z.string().describe("Stable: https://ielts-ai-prep.example/problems/<kind>"),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string(),
    errors: z.array(z.object({ pointer: z.string(), detail: z.string() })).optional(),
  })
  .describe("RFC 9457 problem details");

// ------------------------------------------------------------------- credits and purchases

const skills = z.array(z.enum(["writing", "speaking"]));
const tierId = z.enum(["free", "writing", "speaking", "full"]);
const remaining = z.object({ writing: z.number().int(), speaking: z.number().int() });
const purchaseStatus = z.enum(["granted", "revoked"]);

const entitlements = z.object({
  remaining,
  credits: z.array(
    z.object({
      id: z.string(),
      tier: tierId,
      skills,
      granted: z.number().int(),
      remaining: z.number().int(),
      expiresAt: iso.nullable(),
      revokedAt: iso.nullable(),
    }),
  ),
  purchases: z.array(
    z.object({
      purchaseId: z.string(),
      store: z.enum(["apple", "google"]),
      productId: z.string(),
      tierId,
      credits: z.number().int(),
      status: purchaseStatus,
      purchasedAt: iso,
      revokedAt: iso.optional(),
    }),
  ),
  tiers: z.array(
    z.object({
      id: tierId,
      name: z.string(),
      summary: z.string(),
      credits: z.number().int(),
      skills,
      priceLabel: z.string(),
      productId: z.string().optional(),
    }),
  ),
});

const redeemed = z.object({
  granted: z.boolean(),
  purchase: z.object({
    purchaseId: z.string(),
    store: z.enum(["apple", "google"]),
    userId: z.string(),
    productId: z.string(),
    tierId,
    credits: z.number().int(),
    environment: z.string(),
    status: purchaseStatus,
    purchasedAt: iso,
    createdAt: iso,
    revokedAt: iso.optional(),
  }),
  remaining,
});

const storeNotification = z.union([
  z.object({ kind: z.literal("revoked"), creditsTaken: z.number().int() }),
  z.object({ kind: z.literal("already-revoked") }),
  z.object({ kind: z.literal("unknown-recorded") }),
  z.object({ kind: z.literal("ignored"), notificationType: z.string() }),
  z.object({ kind: z.literal("ignored"), reason: z.string() }),
]);

export const appleTransactionBody = z.object({
  signedTransaction: z
    .string({ error: "signedTransaction is the JWS StoreKit 2 gave the app." })
    .min(1, "signedTransaction is the JWS StoreKit 2 gave the app.")
    .max(20_000, "signedTransaction is too long to be a StoreKit 2 transaction."),
});
export const googlePurchaseBody = z.object({
  productId: z.string({ error: "productId is the Play product bought." }).min(1).max(200),
  purchaseToken: z
    .string({ error: "purchaseToken is the token Play Billing gave the app." })
    .min(1, "purchaseToken is the token Play Billing gave the app.")
    .max(4_000, "purchaseToken is too long."),
});
export const appleNotificationBody = z.object({ signedPayload: z.string().min(1).max(100_000) });
const googleNotificationBody = z
  .object({ message: z.object({ data: z.string() }).loose() })
  .loose()
  .describe("A Pub/Sub push; `?token=` carries the push secret");

// ----------------------------------------------------------------------------- operations

type Response = { description: string; schema?: z.ZodType };
interface Operation {
  method: "get" | "post" | "put" | "delete";
  path: string;
  summary: string;
  bearer: boolean;
  body?: z.ZodType;
  /** A body of raw bytes (a recording), not JSON. */
  rawBody?: string;
  query?: z.ZodObject;
  responses: Record<number, Response>;
}

const ok = (description: string, schema?: z.ZodType): Response => ({ description, schema });

const OPERATIONS: Operation[] = [
  {
    method: "post",
    path: "/api/v1/sessions",
    summary: "Sign a device in with email and password",
    bearer: false,
    body: signInSchema,
    responses: { 201: ok("Signed in", signedIn) },
  },
  {
    method: "delete",
    path: "/api/v1/sessions/current",
    summary: "Sign this device out",
    bearer: true,
    responses: { 204: ok("Signed out") },
  },
  {
    method: "get",
    path: "/api/v1/me",
    summary: "The user, this device and all signed-in devices",
    bearer: true,
    responses: { 200: ok("The user", me) },
  },
  {
    method: "get",
    path: "/api/v1/assessments",
    summary: "The student's assessments, newest first",
    bearer: true,
    query: listQuery,
    responses: { 200: ok("One page", page) },
  },
  {
    method: "post",
    path: "/api/v1/assessments",
    summary:
      "Start (or resume) a Writing task, a Speaking test or a timed Reading or Listening paper",
    bearer: true,
    body: startBody,
    responses: { 201: ok("The open paper's assessment", detail) },
  },
  {
    method: "get",
    path: "/api/v1/assessments/{id}/writing",
    summary: "A Writing task: the question, the clock and the answer so far",
    bearer: true,
    responses: { 200: ok("The task", writingTask) },
  },
  {
    method: "put",
    path: "/api/v1/assessments/{id}/writing",
    summary: "Save the Writing draft (any length up to the limit, even empty)",
    bearer: true,
    body: writingDraftBody,
    responses: { 200: ok("Saved", writingTask) },
  },
  {
    method: "post",
    path: "/api/v1/assessments/{id}/writing",
    summary: "Submit the answer for scoring; scored in the background",
    bearer: true,
    body: writingSubmitBody,
    responses: { 202: ok("Queued for scoring: poll the assessment", detail) },
  },
  {
    method: "get",
    path: "/api/v1/assessments/{id}/speaking",
    summary: "A Speaking test: each part's questions, transcript and recording",
    bearer: true,
    responses: { 200: ok("The test", speakingTask) },
  },
  {
    method: "put",
    path: "/api/v1/assessments/{id}/speaking",
    summary: "Save the Speaking draft: transcripts and uploaded recordings",
    bearer: true,
    body: speakingBody,
    responses: { 200: ok("Saved", speakingTask) },
  },
  {
    method: "post",
    path: "/api/v1/assessments/{id}/speaking",
    summary: "Submit the Speaking test for scoring; scored in the background",
    bearer: true,
    body: speakingBody,
    responses: { 202: ok("Queued for scoring: poll the assessment", detail) },
  },
  {
    method: "post",
    path: "/api/v1/assessments/{id}/speaking/uploads",
    summary: "Where to send one part's recording (S3 presigned PUT; up to 25 MB)",
    bearer: true,
    body: uploadBody,
    responses: { 201: ok("Send the bytes to upload.url", uploadTicket) },
  },
  {
    method: "put",
    path: "/api/v1/uploads/{ticket}",
    summary: "Local installs only: takes a recording in S3's place (up to 4 MB)",
    bearer: false,
    rawBody: "The recording, with the Content-Type and length its ticket was issued for",
    responses: { 204: ok("Stored") },
  },
  {
    method: "get",
    path: "/api/v1/assessments/{id}",
    summary: "One assessment with its bands, feedback or marks",
    bearer: true,
    responses: { 200: ok("The assessment", detail) },
  },
  {
    method: "get",
    path: "/api/v1/assessments/{id}/paper",
    summary: "A Reading or Listening paper without its key, with saved answers",
    bearer: true,
    responses: { 200: ok("The paper", paper) },
  },
  {
    method: "post",
    path: "/api/v1/assessments/{id}/paper",
    summary: "Hand the paper in; it is marked at once",
    bearer: true,
    body: answersBody(),
    responses: { 200: ok("The marked assessment", detail) },
  },
  {
    method: "get",
    path: "/api/v1/progress",
    summary: "Progress: the figures of the /profile page",
    bearer: true,
    query: progressQuery,
    responses: { 200: ok("History, band series and criteria", progress) },
  },
  {
    method: "post",
    path: "/api/v1/qr/inspect",
    summary: "Which browser showed a scanned QR code, and when (changes nothing)",
    bearer: true,
    body: qrTokenBody,
    responses: { 200: ok("The request behind the code", qrRequest) },
  },
  {
    method: "post",
    path: "/api/v1/qr/approve",
    summary: "Approve a code shown on /login: that browser alone is signed in",
    bearer: true,
    body: qrTokenBody,
    responses: { 200: ok("Approved; names the browser and the time", qrApproval) },
  },
  {
    method: "post",
    path: "/api/v1/qr/sessions",
    summary: "Sign a device in with a code shown on a signed-in browser's devices page",
    bearer: false,
    body: qrSignInSchema,
    responses: { 201: ok("Signed in", signedIn) },
  },
  {
    method: "get",
    path: "/api/v1/entitlements",
    summary: "Cloud-scored assessments left, the stocks of credits, purchases and tiers",
    bearer: true,
    responses: { 200: ok("The student's credits", entitlements) },
  },
  {
    method: "post",
    path: "/api/v1/purchases/apple",
    summary: "Redeem a StoreKit 2 signed transaction (JWS)",
    bearer: true,
    body: appleTransactionBody,
    responses: {
      201: ok("Granted", redeemed),
      200: ok("The same transaction again: nothing more given", redeemed),
    },
  },
  {
    method: "post",
    path: "/api/v1/purchases/google",
    summary: "Redeem a Google Play purchase token, checked with Google",
    bearer: true,
    body: googlePurchaseBody,
    responses: {
      201: ok("Granted", redeemed),
      200: ok("The same purchase again: nothing more given", redeemed),
    },
  },
  {
    method: "post",
    path: "/api/v1/notifications/apple",
    summary: "App Store Server Notifications V2: refunds and revocations",
    bearer: false,
    body: appleNotificationBody,
    responses: { 200: ok("What the notification did", storeNotification) },
  },
  {
    method: "post",
    path: "/api/v1/notifications/google",
    summary: "Google Play Real-time Developer Notifications (Pub/Sub push)",
    bearer: false,
    body: googleNotificationBody,
    responses: { 200: ok("What the notification did", storeNotification) },
  },
  {
    method: "get",
    path: "/api/v1/openapi.json",
    summary: "This document",
    bearer: false,
    responses: { 200: ok("OpenAPI 3.1", z.object({ openapi: z.string() }).loose()) },
  },
];

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
