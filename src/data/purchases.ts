import { GetCommand } from "@aws-sdk/lib-dynamodb";
import type { LedgerEntry, Purchase } from "../domain/entitlement";
import { putIf, updateIf } from "./conditional";
import { queryAll } from "./paginate";
import { getDb } from "./tables";

/** The store's transaction, once: false when it was recorded before (a replayed receipt). */
export async function putPurchase(purchase: Purchase): Promise<boolean> {
  return putIf("purchases", {
    Item: purchase,
    ConditionExpression: "attribute_not_exists(purchaseId)",
  });
}

export async function getPurchase(purchaseId: string): Promise<Purchase | null> {
  const { doc, table } = await getDb();
  const { Item } = await doc.send(
    new GetCommand({ TableName: table("purchases"), Key: { purchaseId }, ConsistentRead: true }),
  );
  return Item ? (Item as Purchase) : null;
}

/** granted -> revoked, once. */
export async function markPurchaseRevoked(purchaseId: string, now: Date): Promise<boolean> {
  return updateIf("purchases", {
    Key: { purchaseId },
    UpdateExpression: "SET #status = :revoked, revokedAt = :at",
    ConditionExpression: "#status = :granted",
    ExpressionAttributeNames: { "#status": "status" },
    ExpressionAttributeValues: {
      ":revoked": "revoked",
      ":granted": "granted",
      ":at": now.toISOString(),
    },
  });
}

export async function listUserPurchases(userId: string): Promise<Purchase[]> {
  const { table } = await getDb();
  return queryAll(
    {
      TableName: table("purchases"),
      IndexName: "byUser",
      KeyConditionExpression: "userId = :userId",
      ExpressionAttributeValues: { ":userId": userId },
      ScanIndexForward: false,
    },
    (row) => row as unknown as Purchase,
  );
}

/** Written once per entry id: a replayed grant or revocation leaves the ledger as it was. */
export async function putLedgerEntry(entry: LedgerEntry): Promise<boolean> {
  return putIf("credit-ledger", {
    Item: entry,
    ConditionExpression: "attribute_not_exists(entryId)",
  });
}

export async function listUserLedger(userId: string): Promise<LedgerEntry[]> {
  const { table } = await getDb();
  return queryAll(
    {
      TableName: table("credit-ledger"),
      IndexName: "byUser",
      KeyConditionExpression: "userId = :userId",
      ExpressionAttributeValues: { ":userId": userId },
      ScanIndexForward: false,
    },
    (row) => row as unknown as LedgerEntry,
  );
}
