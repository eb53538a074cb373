import { putItem } from "./commands";
import { queryPage } from "./paginate";

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
  await putItem("consents", {
    Item: { ...record, consentKey: consentKey(record.purpose, record.recordedAt) },
  });
}

export async function latestConsent(
  userId: string,
  purpose: ConsentPurpose,
): Promise<ConsentRecord | null> {
  const { rows } = await queryPage(
    "consents",
    {
      key: { userId },
      sortKey: "begins_with(consentKey, :purpose)",
      values: { ":purpose": `${purpose}#` },
      newestFirst: true,
      consistent: true,
    },
    1,
  );
  const item = rows[0];
  if (!item) return null;
  return {
    userId: String(item.userId),
    purpose,
    decision: item.decision === "given" ? "given" : "withdrawn",
    policyVersion: String(item.policyVersion),
    recordedAt: String(item.recordedAt),
  };
}
