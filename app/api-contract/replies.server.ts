import * as z from "zod";
import type { AssessmentDetail, AssessmentSummary } from "../../src/assessments/student-work";
import type { PaperBlock } from "../../src/assessments/objective-paper-view";
import type { Device } from "../../src/accounts/devices";
import type { ProgressOverview } from "../../src/progress/overview";
import { QUESTION_TYPES } from "../../src/scoring/question-schema";
import type { SpeakingTaskView } from "../../src/assessments/speaking";
import { type WritingTaskView } from "../../src/assessments/writing";

/**
 * What /api/v1 sends back, for the OpenAPI document; checked against the domain types by
 * `satisfies`.
 */
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

export const signedIn = z.object({
  token: z.string().describe("256 random bits, base64url; shown once"),
  tokenType: z.literal("Bearer"),
  expiresAt: iso,
  device,
});

export const me = z.object({
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

export const detail = z.object({
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

export const page = z.object({ items: z.array(summary), nextCursor: z.string().nullable() });

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

export const paper = z.object({
  assessmentId: z.string(),
  title: z.string(),
  status,
  deadlineAt: iso.nullable(),
  answers: z.record(z.string(), z.string()),
  blocks: z.array(block),
});

const skillOfFour = z.enum(["writing", "speaking", "reading", "listening"]);
export const progress = z.object({
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

export const writingTask = z.object({
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

export const speakingTask = z.object({
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

export const uploadTicket = z.object({
  key: z.string().describe("Name it in recordings when saving or submitting"),
  upload: z.object({
    method: z.literal("PUT"),
    url: z.string().describe("Send the recording here, not to this API; single use"),
    headers: z.record(z.string(), z.string()).describe("Send exactly these headers"),
    expiresAt: iso,
  }),
});

export const qrRequest = z.object({
  kind: z.enum(["web-login", "app-sign-in"]),
  browser: z.string().describe("The browser that showed the code, like “Chrome on Windows”"),
  requestedAt: iso,
  expiresAt: iso,
});
export const qrApproval = qrRequest.extend({ approvedAt: iso });

export const problem = z
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

export const entitlements = z.object({
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

export const redeemed = z.object({
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

export const storeNotification = z.union([
  z.object({ kind: z.literal("revoked"), creditsTaken: z.number().int() }),
  z.object({ kind: z.literal("already-revoked") }),
  z.object({ kind: z.literal("unknown-recorded") }),
  z.object({ kind: z.literal("ignored"), notificationType: z.string() }),
  z.object({ kind: z.literal("ignored"), reason: z.string() }),
]);
