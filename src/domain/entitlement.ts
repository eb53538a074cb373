/** The skills whose scoring can go to a cloud model, and so costs a credit. */
export type ScoredSkill = "writing" | "speaking";

export type TierId = "free" | "writing" | "speaking" | "full";

/**
 * One stock of cloud-scored assessments: the free allowance of one month, one purchase, or one
 * grant by an admin. Kept apart so that a refund revokes what is left of its own purchase only.
 */
export interface CreditBucket {
  userId: string;
  /** `free#2026-12`, `apple#<transactionId>`, `google#<orderId>`, `admin#<uuid>` */
  bucketId: string;
  tierId: TierId;
  skills: ScoredSkill[];
  granted: number;
  remaining: number;
  /** ISO 8601 */
  createdAt: string;
  /** ISO 8601: the free allowance of a month ends with it. */
  expiresAt?: string;
  /** ISO 8601: refunded or revoked; nothing more is taken from it. */
  revokedAt?: string;
}

/** How an assessment is scored, fixed when it is handed in. */
export type Billing =
  | { scoring: "offline" }
  /** A credit was taken from `bucketId`; `refundedAt` once a final failure gave it back. */
  | { scoring: "cloud"; bucketId: string; refundedAt?: string };

export type Store = "apple" | "google";

export interface Purchase {
  /** `apple#<transactionId>` or `google#<orderId>`: a replayed receipt finds this and stops. */
  purchaseId: string;
  store: Store;
  /** Kept for accounting after an erasure, when this becomes an anonymous marker. */
  userId: string;
  productId: string;
  tierId: TierId;
  credits: number;
  environment: string;
  status: "granted" | "revoked";
  /** ISO 8601 */
  purchasedAt: string;
  createdAt: string;
  revokedAt?: string;
  /** Google only: needed to ask Google again about this purchase when it is voided. */
  purchaseToken?: string;
}

/** Why a stock of credits grew or shrank: every grant and revocation is written here. */
export interface LedgerEntry {
  /** Deterministic (`grant#apple#<id>`), so that a replay writes nothing twice. */
  entryId: string;
  userId: string;
  kind: "grant" | "revoke";
  bucketId: string;
  /** Credits added (grant) or taken away (revoke). */
  amount: number;
  /** `apple`, `google`, `free-monthly`, `admin:<actorId>` */
  source: string;
  reason?: string;
  /** ISO 8601 */
  createdAt: string;
}
