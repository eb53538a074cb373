import { createSign, timingSafeEqual } from "node:crypto";
import * as z from "zod";
import type { Env } from "../ai/cloud-names";
import { getPurchase } from "../data/purchases";
import {
  grantPurchase,
  purchaseIdOf,
  revokePurchase,
  type GrantOutcome,
  type RevokeOutcome,
} from "./purchases";
import { tierByProductId } from "./tiers";

const serviceAccountSchema = z.object({
  client_email: z.string(),
  private_key: z.string(),
  token_uri: z.string().default("https://oauth2.googleapis.com/token"),
});

export interface GoogleConfig {
  packageName: string;
  serviceAccount: z.infer<typeof serviceAccountSchema>;
  /** https://androidpublisher.googleapis.com, or a local fake in the tests. */
  publisherBaseUrl: string;
  /** The secret in the Pub/Sub push endpoint's URL (`?token=`), set when creating the subscription. */
  notificationToken: string;
  fetch?: typeof fetch;
}

/**
 * From GOOGLE_PLAY_PACKAGE_NAME, GOOGLE_SERVICE_ACCOUNT_JSON (the key file's JSON, which names
 * its token endpoint), GOOGLE_RTDN_TOKEN and, for tests, ANDROID_PUBLISHER_BASE_URL. Null when
 * Google Play purchases are not set up here.
 */
export function googleConfigFromEnv(env: Env = process.env): GoogleConfig | null {
  if (!env.GOOGLE_PLAY_PACKAGE_NAME || !env.GOOGLE_SERVICE_ACCOUNT_JSON || !env.GOOGLE_RTDN_TOKEN) {
    return null;
  }
  return {
    packageName: env.GOOGLE_PLAY_PACKAGE_NAME,
    serviceAccount: serviceAccountSchema.parse(JSON.parse(env.GOOGLE_SERVICE_ACCOUNT_JSON)),
    publisherBaseUrl: env.ANDROID_PUBLISHER_BASE_URL ?? "https://androidpublisher.googleapis.com",
    notificationToken: env.GOOGLE_RTDN_TOKEN,
  };
}

const SCOPE = "https://www.googleapis.com/auth/androidpublisher";

const tokenReplySchema = z.object({ access_token: z.string(), expires_in: z.number() });

const cachedTokens = new Map<string, { token: Promise<string>; until: number }>();

/**
 * An OAuth 2.0 access token for the service account (RFC 7523: an RS256-signed JWT exchanged
 * at the token endpoint), kept until a minute before it ends so a warm Lambda asks once an
 * hour; concurrent calls share one request.
 */
function accessToken(config: GoogleConfig, now: Date): Promise<string> {
  const key = config.serviceAccount.client_email + config.serviceAccount.token_uri;
  const cached = cachedTokens.get(key);
  if (cached && cached.until > now.getTime()) return cached.token;
  const token = requestToken(config, now).then(
    (reply) => {
      cachedTokens.set(key, { token, until: now.getTime() + (reply.expires_in - 60) * 1000 });
      return reply.access_token;
    },
    (error: unknown) => {
      cachedTokens.delete(key);
      throw error;
    },
  );
  // Until the reply says how long it lasts, the request in flight is what callers share.
  cachedTokens.set(key, { token, until: now.getTime() + 60_000 });
  return token;
}

async function requestToken(config: GoogleConfig, now: Date) {
  const { client_email, private_key, token_uri } = config.serviceAccount;
  const iat = Math.floor(now.getTime() / 1000);
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const unsigned = `${encode({ alg: "RS256", typ: "JWT" })}.${encode({
    iss: client_email,
    scope: SCOPE,
    aud: token_uri,
    iat,
    exp: iat + 3600,
  })}`;
  const signature = createSign("RSA-SHA256").update(unsigned).sign(private_key, "base64url");
  const response = await (config.fetch ?? fetch)(token_uri, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      grant_type: "urn:ietf:params:oauth:grant-type:jwt-bearer",
      assertion: `${unsigned}.${signature}`,
    }),
  });
  if (!response.ok) throw new Error(`Google token endpoint answered ${response.status}`);
  return tokenReplySchema.parse(await response.json());
}

// ProductPurchase (androidpublisher v3), the fields this service reads.
const productPurchaseSchema = z.object({
  purchaseTimeMillis: z.string(),
  /** 0 purchased, 1 canceled (refunds and chargebacks end here), 2 pending */
  purchaseState: z.number(),
  orderId: z.string().min(1).max(200),
  /** Present for test purchases (0) and promo codes (1). */
  purchaseType: z.number().optional(),
  obfuscatedExternalAccountId: z.string().optional(),
});

type ProductPurchase = z.infer<typeof productPurchaseSchema>;

/** purchases.products.get; null when Google does not know the token (404 or 410). */
async function getProductPurchase(
  config: GoogleConfig,
  productId: string,
  purchaseToken: string,
  now: Date,
): Promise<ProductPurchase | null> {
  const path = [
    "androidpublisher/v3/applications",
    encodeURIComponent(config.packageName),
    "purchases/products",
    encodeURIComponent(productId),
    "tokens",
    encodeURIComponent(purchaseToken),
  ].join("/");
  const response = await (config.fetch ?? fetch)(`${config.publisherBaseUrl}/${path}`, {
    headers: { Authorization: `Bearer ${await accessToken(config, now)}` },
  });
  if (response.status === 404 || response.status === 410 || response.status === 400) return null;
  if (!response.ok) throw new Error(`Android Publisher answered ${response.status}`);
  return productPurchaseSchema.parse(await response.json());
}

export type GoogleRefusal = { kind: "refused"; reason: string };

/**
 * The app sends the product id and purchase token of a completed purchase; Google says whether
 * it is paid. The app passes the student's user id as `obfuscatedAccountId` when it buys, so a
 * token from one account cannot be redeemed on another.
 */
export async function redeemGooglePurchase(
  userId: string,
  input: { productId: string; purchaseToken: string },
  config: GoogleConfig,
  now = new Date(),
): Promise<GrantOutcome | GoogleRefusal> {
  const tier = tierByProductId(input.productId);
  if (!tier) return { kind: "refused", reason: `Unknown product ${input.productId}.` };
  const purchase = await getProductPurchase(config, input.productId, input.purchaseToken, now);
  if (!purchase) return { kind: "refused", reason: "Google Play does not know this purchase." };
  if (purchase.purchaseState !== 0) {
    return {
      kind: "refused",
      reason:
        purchase.purchaseState === 2
          ? "This purchase is still pending."
          : "This purchase was cancelled or refunded.",
    };
  }
  if (purchase.obfuscatedExternalAccountId && purchase.obfuscatedExternalAccountId !== userId) {
    return { kind: "other-account" };
  }
  return grantPurchase(
    {
      store: "google",
      transactionId: purchase.orderId,
      userId,
      productId: input.productId,
      tier,
      environment: purchase.purchaseType === 0 ? "Test" : "Production",
      purchasedAt: new Date(Number(purchase.purchaseTimeMillis)),
      purchaseToken: input.purchaseToken,
    },
    now,
  );
}

// A Pub/Sub push request, and the DeveloperNotification in its base64 `data`.
const pushSchema = z.object({
  message: z.object({ data: z.string(), messageId: z.string().optional() }),
  subscription: z.string().optional(),
});

const developerNotificationSchema = z.object({
  packageName: z.string(),
  eventTimeMillis: z.string().optional(),
  voidedPurchaseNotification: z
    .object({ purchaseToken: z.string(), orderId: z.string(), productType: z.number().optional() })
    .optional(),
  testNotification: z.object({}).passthrough().optional(),
});

export type GoogleNotificationOutcome =
  RevokeOutcome | GoogleRefusal | { kind: "ignored"; reason: string };

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * A Real-time Developer Notification. A voided purchase (refund, chargeback) revokes what is left
 * of it, but only once Google's own API confirms it is cancelled: the notification is a hint,
 * and a forged one changes nothing.
 */
export async function handleGoogleNotification(
  body: unknown,
  token: string,
  config: GoogleConfig,
  now = new Date(),
): Promise<GoogleNotificationOutcome> {
  if (!sameSecret(token, config.notificationToken)) {
    return { kind: "refused", reason: "The push endpoint's token does not match." };
  }
  const push = pushSchema.safeParse(body);
  if (!push.success) return { kind: "refused", reason: "Not a Pub/Sub push message." };
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(push.data.message.data, "base64").toString("utf8"));
  } catch {
    return { kind: "refused", reason: "The message data is not base64 JSON." };
  }
  const notification = developerNotificationSchema.safeParse(decoded);
  if (!notification.success) return { kind: "refused", reason: "Not a developer notification." };
  if (notification.data.packageName !== config.packageName) {
    return { kind: "refused", reason: "The notification is for another app." };
  }
  const voided = notification.data.voidedPurchaseNotification;
  if (!voided) return { kind: "ignored", reason: "Only voided purchases change anything here." };
  const stored = await getPurchase(purchaseIdOf("google", voided.orderId));
  if (!stored?.purchaseToken) return { kind: "ignored", reason: "Not a purchase granted here." };
  const current = await getProductPurchase(config, stored.productId, stored.purchaseToken, now);
  if (current && current.purchaseState === 0) {
    return { kind: "refused", reason: "Google Play still reports this purchase as paid." };
  }
  return revokePurchase(
    { store: "google", transactionId: voided.orderId, source: "google:voided" },
    now,
  );
}
