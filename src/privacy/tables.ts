import { emailKey, userKey, accountThrottleKey, mailThrottleKey } from "../data/keys";
import type { TableName } from "../data/tables";

/** Whose data it is: the account's id and its address, the two things that point at a person. */
export interface Owner {
  userId: string;
  email: string;
}

/** How a user's items in a table are found. */
type Locate =
  /** Items whose key is built from the user's id or address (keys.ts). */
  | { by: "key"; keys: (owner: Owner) => string[] }
  /** The table's `byUser` index on userId. */
  | { by: "index" }
  /** The table's partition key is the userId itself. */
  | { by: "partition" }
  /** Another index, on an attribute made from the user's id. */
  | { by: "indexed"; index: string; attribute: string; value: (owner: Owner) => string };

/** What erasure does with a found item. */
type Erase =
  | { action: "delete" }
  /** Kept because the law requires it (accounting), with whatever points at the person removed. */
  | { action: "anonymise"; anonymise: (item: Record<string, unknown>) => Record<string, unknown> };

export type TablePrivacy = {
  /** The table's key attributes as declared in app.arc (partition, then sort). */
  key: readonly string[];
} & (
  | { personal: false; why: string }
  | {
      personal: true;
      locate: Locate;
      erase: Erase;
      /** Attributes never exported: hashes of passwords and tokens. */
      secrets?: readonly string[];
    }
);

export type PersonalTable = Extract<TablePrivacy, { personal: true }>;

const DELETE: Erase = { action: "delete" };

/** The owner an anonymised record is left with: no account, so no one. */
export const ERASED_OWNER = "erased";

/**
 * Every table in app.arc, and for each where a user's items are and what erasure does with them.
 * Export and erasure walk this list and nothing else, and tables.test.ts fails when app.arc
 * declares a table that is missing here: a new table cannot be forgotten by either.
 */
export const PRIVACY_TABLES = {
  users: {
    key: ["pk"],
    personal: true,
    // The user item before the address claim: a claim left alone by a failed erasure is taken
    // over by the next sign-up, while a user left without its claim could not sign in to retry.
    locate: { by: "key", keys: (o) => [userKey(o.userId), emailKey(o.email)] },
    erase: DELETE,
    secrets: ["passwordHash"],
  },
  sessions: {
    key: ["sessionId"],
    personal: true,
    locate: { by: "index" },
    erase: DELETE,
    secrets: ["sessionId"],
  },
  "auth-tokens": {
    key: ["tokenHash"],
    personal: true,
    locate: { by: "index" },
    erase: DELETE,
    secrets: ["tokenHash"],
  },
  "api-tokens": {
    key: ["tokenHash"],
    personal: true,
    locate: { by: "index" },
    erase: DELETE,
    secrets: ["tokenHash"],
  },
  "qr-tokens": {
    key: ["tokenHash"],
    personal: true,
    locate: { by: "index" },
    erase: DELETE,
    secrets: ["tokenHash"],
  },
  throttles: {
    key: ["throttleKey"],
    personal: true,
    // Counters by client address carry no account: they expire with their window.
    locate: { by: "key", keys: (o) => [accountThrottleKey(o.email), mailThrottleKey(o.email)] },
    erase: DELETE,
  },
  assessments: { key: ["assessmentId"], personal: true, locate: { by: "index" }, erase: DELETE },
  entitlements: {
    key: ["userId", "productId"],
    personal: true,
    locate: { by: "partition" },
    erase: DELETE,
  },
  "ai-safety-logs": { key: ["logId"], personal: true, locate: { by: "index" }, erase: DELETE },
  "content-reports": { key: ["reportId"], personal: true, locate: { by: "index" }, erase: DELETE },
  consents: {
    key: ["userId", "consentKey"],
    personal: true,
    locate: { by: "partition" },
    erase: DELETE,
  },
  // Sales records are kept for the accounting years the law requires, pointing at no one.
  purchases: {
    key: ["purchaseId"],
    personal: true,
    locate: { by: "index" },
    erase: {
      action: "anonymise",
      anonymise: ({ purchaseToken: _token, ...item }) => ({ ...item, userId: ERASED_OWNER }),
    },
    secrets: ["purchaseToken"],
  },
  "credit-ledger": { key: ["entryId"], personal: true, locate: { by: "index" }, erase: DELETE },
  // What admins did to the account stays accountable, but no longer says to whom; entries by an
  // admin who is erased keep their action and lose the admin's address.
  "audit-log": {
    key: ["pk", "sk"],
    personal: true,
    locate: {
      by: "indexed",
      index: "byTarget",
      attribute: "target",
      value: (o) => `user#${o.userId}`,
    },
    erase: {
      action: "anonymise",
      anonymise: ({ before: _before, after: _after, note: _note, ...item }) => ({
        ...item,
        target: `user#${ERASED_OWNER}`,
      }),
    },
  },
  "daily-stats": {
    key: ["metric", "day"],
    personal: false,
    why: "counts per day (assessments, latency, costs), which name no one",
  },
  questions: {
    key: ["questionId"],
    personal: false,
    why: "the question bank, the same for everyone",
  },
  rubrics: {
    key: ["rubricId"],
    personal: false,
    why: "the band descriptors, the same for everyone",
  },
} as const satisfies Record<TableName, TablePrivacy>;

export type PrivacyTable = keyof typeof PRIVACY_TABLES;

export const PRIVACY_TABLE_NAMES = Object.keys(PRIVACY_TABLES) as PrivacyTable[];

/** The tables that hold a user's items, with how to find them and what erasure does. */
export function personalTables(): [PrivacyTable, PersonalTable][] {
  return PRIVACY_TABLE_NAMES.flatMap((name) => {
    const policy: TablePrivacy = PRIVACY_TABLES[name];
    return policy.personal ? [[name, policy] as [PrivacyTable, PersonalTable]] : [];
  });
}
