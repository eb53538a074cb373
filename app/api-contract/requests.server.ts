import * as z from "zod";
import { DEVICE_NAME_MAX } from "../../src/accounts/devices";
import { loginSchema } from "../../src/accounts/validation";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "../../src/assessments/student-work";
import { MAX_ANSWER_CHARS } from "../../src/assessments/objective-paper";
import { LISTENING_ADJUSTMENTS } from "../../src/domain/assessment";
import { uploadRequestSchema } from "../../src/assessments/recording-upload";
import { SPEAKING_PARTS } from "../../src/assessments/speaking-fields";
import { draftResponseSchema, submitResponseSchema } from "../../src/assessments/writing";

/**
 * What /api/v1 accepts: the zod schemas the routes validate requests with. The OpenAPI document
 * (openapi.server.ts) is generated from these and from replies.server.ts, so it cannot drift.
 */
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
export const googleNotificationBody = z
  .object({ message: z.object({ data: z.string() }).loose() })
  .loose()
  .describe("A Pub/Sub push; `?token=` carries the push secret");
