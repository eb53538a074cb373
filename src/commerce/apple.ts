import { readFileSync } from "node:fs";
import type { X509Certificate } from "node:crypto";
import * as z from "zod";
import type { Env } from "../ai/cloud-names";
import { certificatesFromPem, SignatureError, verifyAppStoreJws } from "./jws";
import { grantPurchase, revokePurchase, type GrantOutcome, type RevokeOutcome } from "./purchases";
import { tierByProductId } from "./tiers";

export interface AppleConfig {
  bundleId: string;
  /** `Production` deployed; `Sandbox` for TestFlight and development builds. */
  environment: "Production" | "Sandbox" | "Xcode" | "LocalTesting";
  roots: X509Certificate[];
}

/**
 * From APPLE_BUNDLE_ID, APPLE_ENVIRONMENT and APPLE_ROOT_CA_PEM (the PEM text) or
 * APPLE_ROOT_CA_FILE (a path): the root is configuration, not code, so that the tests can trust
 * a root they made and a deployment trusts Apple Root CA - G3 from apple.com/certificateauthority.
 * Null when Apple purchases are not set up here.
 */
export function appleConfigFromEnv(env: Env = process.env): AppleConfig | null {
  const pem =
    env.APPLE_ROOT_CA_PEM ??
    (env.APPLE_ROOT_CA_FILE ? readFileSync(env.APPLE_ROOT_CA_FILE, "utf8") : "");
  if (!env.APPLE_BUNDLE_ID || !pem) return null;
  const environment = z
    .enum(["Production", "Sandbox", "Xcode", "LocalTesting"])
    .catch("Production")
    .parse(env.APPLE_ENVIRONMENT);
  return { bundleId: env.APPLE_BUNDLE_ID, environment, roots: certificatesFromPem(pem) };
}

// JWSTransactionDecodedPayload, the fields this service reads.
const transactionSchema = z.object({
  transactionId: z.string().min(1).max(64),
  originalTransactionId: z.string().max(64).optional(),
  bundleId: z.string(),
  productId: z.string(),
  purchaseDate: z.number(),
  environment: z.string(),
  appAccountToken: z.string().optional(),
  revocationDate: z.number().optional(),
  signedDate: z.number(),
});

// ResponseBodyV2DecodedPayload of App Store Server Notifications V2.
const notificationSchema = z.object({
  notificationType: z.string(),
  subtype: z.string().optional(),
  notificationUUID: z.string(),
  data: z
    .object({
      bundleId: z.string(),
      environment: z.string(),
      signedTransactionInfo: z.string().optional(),
    })
    .optional(),
  signedDate: z.number(),
});

type Transaction = z.infer<typeof transactionSchema>;

export type AppleRefusal = { kind: "refused"; reason: string };

/** A JWS from Apple whose chain and signature hold and whose payload fits the schema. */
function verifiedPayload<T>(
  jws: string,
  config: AppleConfig,
  schema: z.ZodType<T>,
  unfit: string,
): T | AppleRefusal {
  let payload: unknown;
  try {
    payload = verifyAppStoreJws(jws, config.roots);
  } catch (error) {
    if (error instanceof SignatureError) return { kind: "refused", reason: error.message };
    throw error;
  }
  const parsed = schema.safeParse(payload);
  return parsed.success ? parsed.data : { kind: "refused", reason: unfit };
}

function verifiedTransaction(jws: string, config: AppleConfig): Transaction | AppleRefusal {
  const transaction = verifiedPayload(
    jws,
    config,
    transactionSchema,
    "The transaction lacks required fields.",
  );
  if ("kind" in transaction) return transaction;
  if (transaction.bundleId !== config.bundleId) {
    return { kind: "refused", reason: "The transaction is for another app." };
  }
  if (transaction.environment !== config.environment) {
    return {
      kind: "refused",
      reason: `The transaction is from the ${transaction.environment} environment.`,
    };
  }
  return transaction;
}

/**
 * The app sends the StoreKit 2 signed transaction it got for a purchase. The app sets
 * `appAccountToken` to the student's user id when it buys, so a receipt from one account
 * cannot be redeemed on another.
 */
export async function redeemAppleTransaction(
  userId: string,
  signedTransaction: string,
  config: AppleConfig,
  now = new Date(),
): Promise<GrantOutcome | AppleRefusal> {
  const transaction = verifiedTransaction(signedTransaction, config);
  if ("kind" in transaction) return transaction;
  const tier = tierByProductId(transaction.productId);
  if (!tier) return { kind: "refused", reason: `Unknown product ${transaction.productId}.` };
  if (transaction.appAccountToken && transaction.appAccountToken.toLowerCase() !== userId) {
    return { kind: "other-account" };
  }
  if (transaction.revocationDate !== undefined) {
    await revokeApple(transaction, "apple:revoked-receipt", now);
    return { kind: "refused", reason: "This purchase was refunded or revoked." };
  }
  return grantPurchase(
    {
      store: "apple",
      transactionId: transaction.transactionId,
      userId,
      productId: transaction.productId,
      tier,
      environment: transaction.environment,
      purchasedAt: new Date(transaction.purchaseDate),
    },
    now,
  );
}

function revokeApple(transaction: Transaction, source: string, now: Date) {
  const tier = tierByProductId(transaction.productId);
  return revokePurchase(
    {
      store: "apple",
      transactionId: transaction.transactionId,
      source,
      unseen: {
        userId: transaction.appAccountToken?.toLowerCase() ?? "unknown",
        productId: transaction.productId,
        tierId: tier?.id ?? "free",
        credits: 0,
        environment: transaction.environment,
        purchasedAt: new Date(transaction.purchaseDate).toISOString(),
      },
    },
    now,
  );
}

const REVOKING = new Set(["REFUND", "REVOKE"]);

export type AppleNotificationOutcome =
  RevokeOutcome | AppleRefusal | { kind: "ignored"; notificationType: string };

/** An App Store Server Notification V2 (`{ signedPayload }`): refunds and revocations revoke. */
export async function handleAppleNotification(
  signedPayload: string,
  config: AppleConfig,
  now = new Date(),
): Promise<AppleNotificationOutcome> {
  const notification = verifiedPayload(
    signedPayload,
    config,
    notificationSchema,
    "Not a V2 notification payload.",
  );
  if ("kind" in notification) return notification;
  const { notificationType, data } = notification;
  if (!REVOKING.has(notificationType) || !data?.signedTransactionInfo) {
    return { kind: "ignored", notificationType };
  }
  if (data.bundleId !== config.bundleId || data.environment !== config.environment) {
    return { kind: "refused", reason: "The notification is for another app or environment." };
  }
  const transaction = verifiedTransaction(data.signedTransactionInfo, config);
  if ("kind" in transaction) return transaction;
  return revokeApple(transaction, `apple:${notificationType}`, now);
}
