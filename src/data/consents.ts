import { PutCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import { getDb } from "./tables";

export type ConsentPurpose = "cloud-audio";

/** One answer of the student, never overwritten: the history is the record that consent was given. */
export interface ConsentRecord {
  userId: string;
  purpose: ConsentPurpose;
  decision: "given" | "withdrawn";
  policyVersion: string;
  /** ISO 8601 */
  recordedAt: string;
}

// The sort key orders one purpose's answers by time, so the newest is one query away.
const consentKey = (purpose: ConsentPurpose, recordedAt: string) => `${purpose}#${recordedAt}`;

export async function putConsent(record: ConsentRecord): Promise<void> {
  const { doc, table } = await getDb();
  await doc.send(
    new PutCommand({
      TableName: table("consents"),
      Item: { ...record, consentKey: consentKey(record.purpose, record.recordedAt) },
    }),
  );
}

export async function latestConsent(
  userId: string,
  purpose: ConsentPurpose,
): Promise<ConsentRecord | null> {
  const { doc, table } = await getDb();
  const { Items } = await doc.send(
    new QueryCommand({
      TableName: table("consents"),
      KeyConditionExpression: "userId = :userId AND begins_with(consentKey, :purpose)",
      ExpressionAttributeValues: { ":userId": userId, ":purpose": `${purpose}#` },
      ScanIndexForward: false,
      Limit: 1,
      ConsistentRead: true,
    }),
  );
  const item = Items?.[0];
  if (!item) return null;
  return {
    userId: String(item.userId),
    purpose,
    decision: item.decision === "given" ? "given" : "withdrawn",
    policyVersion: String(item.policyVersion),
    recordedAt: String(item.recordedAt),
  };
}
