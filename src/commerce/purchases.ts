import type { Purchase, Store } from "../domain/entitlement";
import {
  getPurchase,
  listUserPurchases,
  markPurchaseRevoked,
  putPurchase,
} from "../data/purchases";
import { grantBucket, revokeBucketWithLedger } from "./credits";
import type { Tier } from "./tiers";

/** A store's purchase after its proof was checked (signature or the store's own API). */
export interface VerifiedPurchase {
  store: Store;
  transactionId: string;
  userId: string;
  productId: string;
  tier: Tier;
  environment: string;
  purchasedAt: Date;
  purchaseToken?: string;
}

export type GrantOutcome =
  | { kind: "granted"; purchase: Purchase }
  /** The same transaction again (a replay, or the app retrying): nothing more is given. */
  | { kind: "already-granted"; purchase: Purchase }
  /** Refunded or revoked before (or while) it reached us: nothing is given. */
  | { kind: "revoked"; purchase: Purchase }
  | { kind: "other-account" };

export const purchaseIdOf = (store: Store, transactionId: string) => `${store}#${transactionId}`;

/**
 * Records the transaction once (a conditional put keyed by the store's transaction id), then
 * the credits it buys, in a stock of their own so that a refund takes back what is left of it.
 */
export async function grantPurchase(
  verified: VerifiedPurchase,
  now = new Date(),
): Promise<GrantOutcome> {
  const purchaseId = purchaseIdOf(verified.store, verified.transactionId);
  const record: Purchase = {
    purchaseId,
    store: verified.store,
    userId: verified.userId,
    productId: verified.productId,
    tierId: verified.tier.id,
    credits: verified.tier.credits,
    environment: verified.environment,
    status: "granted",
    purchasedAt: verified.purchasedAt.toISOString(),
    createdAt: now.toISOString(),
    ...(verified.purchaseToken ? { purchaseToken: verified.purchaseToken } : {}),
  };
  const first = await putPurchase(record);
  const purchase = first ? record : await getPurchase(purchaseId);
  if (!purchase) throw new Error(`purchase ${purchaseId} vanished after a refused put`);
  if (purchase.status === "revoked") return { kind: "revoked", purchase };
  if (purchase.userId !== verified.userId) return { kind: "other-account" };
  // Run on replays too: it completes a grant cut short after the record was written.
  const created = await grantBucket(
    {
      userId: purchase.userId,
      bucketId: purchaseId,
      tierId: verified.tier.id,
      skills: verified.tier.skills,
      granted: purchase.credits,
      remaining: purchase.credits,
      createdAt: purchase.createdAt,
    },
    verified.store,
  );
  return { kind: created ? "granted" : "already-granted", purchase };
}

export type RevokeOutcome =
  | { kind: "revoked"; creditsTaken: number }
  | { kind: "already-revoked" }
  /** Never granted here: recorded as revoked so that a late receipt grants nothing. */
  | { kind: "unknown-recorded" };

/**
 * A refund or revocation from the store: the purchase is marked, and the credits left in its
 * stock are taken away (those already used stay used). Safe to receive more than once.
 */
export async function revokePurchase(
  input: {
    store: Store;
    transactionId: string;
    source: string;
    /** What the notification says, for a purchase this service has not seen. */
    unseen?: Omit<Purchase, "purchaseId" | "store" | "status" | "createdAt" | "revokedAt">;
  },
  now = new Date(),
): Promise<RevokeOutcome> {
  const purchaseId = purchaseIdOf(input.store, input.transactionId);
  let purchase = await getPurchase(purchaseId);
  if (!purchase && input.unseen) {
    const placeholder: Purchase = {
      ...input.unseen,
      purchaseId,
      store: input.store,
      status: "revoked",
      createdAt: now.toISOString(),
      revokedAt: now.toISOString(),
    };
    if (await putPurchase(placeholder)) return { kind: "unknown-recorded" };
    purchase = await getPurchase(purchaseId);
  }
  if (!purchase) return { kind: "unknown-recorded" };
  const marked = await markPurchaseRevoked(purchaseId, now);
  // Also on a repeat: it finishes a revocation cut short after the purchase was marked.
  const creditsTaken = await revokeBucketWithLedger(purchase.userId, purchaseId, input.source, now);
  return marked || creditsTaken > 0
    ? { kind: "revoked", creditsTaken }
    : { kind: "already-revoked" };
}

/** The student's purchases as shown to them: the store's token stays on the server. */
export async function accountPurchases(userId: string) {
  return (await listUserPurchases(userId)).map((purchase) => ({
    purchaseId: purchase.purchaseId,
    store: purchase.store,
    productId: purchase.productId,
    tierId: purchase.tierId,
    credits: purchase.credits,
    status: purchase.status,
    purchasedAt: purchase.purchasedAt,
    ...(purchase.revokedAt ? { revokedAt: purchase.revokedAt } : {}),
  }));
}
