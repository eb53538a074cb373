import type { LedgerEntry, Purchase, Store } from "../domain/entitlement";
import { getMapped } from "./commands";
import { updateIf, putNewIf } from "./conditional";
import { TIER_IDS } from "./entitlements";
import { oneOf, optionalStrings, strings } from "./fields";
import { queryAll } from "./paginate";

/** The store's transaction, once: false when it was recorded before (a replayed receipt). */
export async function putPurchase(purchase: Purchase): Promise<boolean> {
  return putNewIf("purchases", purchase, "purchaseId");
}

export async function getPurchase(purchaseId: string): Promise<Purchase | null> {
  return getMapped("purchases", { purchaseId }, toPurchase);
}

/** granted -> revoked, once. */
export async function markPurchaseRevoked(purchaseId: string, now: Date): Promise<boolean> {
  return updateIf("purchases", {
    Key: { purchaseId },
    UpdateExpression: "SET #status = :revoked, revokedAt = :at",
    ConditionExpression: "#status = :granted",
    ExpressionAttributeValues: {
      ":revoked": "revoked",
      ":granted": "granted",
      ":at": now.toISOString(),
    },
  });
}

export async function listUserPurchases(userId: string): Promise<Purchase[]> {
  return queryAll("purchases", { index: "byUser", key: { userId }, newestFirst: true }, toPurchase);
}

/** Written once per entry id: a replayed grant or revocation leaves the ledger as it was. */
export async function putLedgerEntry(entry: LedgerEntry): Promise<boolean> {
  return putNewIf("credit-ledger", entry, "entryId");
}

export async function listUserLedger(userId: string): Promise<LedgerEntry[]> {
  return queryAll(
    "credit-ledger",
    { index: "byUser", key: { userId }, newestFirst: true },
    toLedgerEntry,
  );
}

const STORES = ["apple", "google"] as const satisfies readonly Store[];

function toPurchase(item: Record<string, unknown>): Purchase {
  return {
    ...strings(item, ["purchaseId", "userId", "productId", "environment", "purchasedAt"]),
    createdAt: String(item.createdAt),
    store: oneOf(item.store, STORES, "apple"),
    tierId: oneOf(item.tierId, TIER_IDS, "free"),
    credits: Number(item.credits ?? 0),
    // A purchase is only ever granted or revoked; anything else grants nothing.
    status: item.status === "granted" ? "granted" : "revoked",
    ...optionalStrings(item, ["revokedAt", "purchaseToken"]),
  };
}

function toLedgerEntry(item: Record<string, unknown>): LedgerEntry {
  return {
    ...strings(item, ["entryId", "userId", "bucketId", "source", "createdAt"]),
    kind: item.kind === "revoke" ? "revoke" : "grant",
    amount: Number(item.amount ?? 0),
    ...optionalStrings(item, ["reason"]),
  };
}
