import { randomUUID } from "node:crypto";
import * as z from "zod";
import type { ScoredAssessment } from "../domain/assessment";
import type { Billing, CreditBucket, ScoredSkill } from "../domain/entitlement";
import {
  giveBackToBucket,
  listBuckets,
  putBucket,
  revokeBucket,
  takeFromBucket,
} from "../data/entitlements";
import { markBillingRefunded } from "../data/assessment-transitions";
import { putLedgerEntry } from "../data/purchases";
import { FREE_TIER, tierById, type Tier } from "./tiers";

const monthOf = (now: Date) => now.toISOString().slice(0, 7);

function nextMonthStart(now: Date): string {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1)).toISOString();
}

const usable = (bucket: CreditBucket, skill: ScoredSkill, now: Date) =>
  bucket.remaining > 0 &&
  !bucket.revokedAt &&
  bucket.skills.includes(skill) &&
  (!bucket.expiresAt || bucket.expiresAt > now.toISOString());

/**
 * Adds a stock of credits and its ledger line. Both writes are conditional on ids fixed by the
 * source, so a replay (or a retry after a crash between them) completes a half-done grant and
 * never doubles a whole one. True when this call created the stock.
 */
export async function grantBucket(
  bucket: CreditBucket,
  source: string,
  reason?: string,
): Promise<boolean> {
  await putLedgerEntry({
    entryId: `${bucket.userId}#grant#${bucket.bucketId}`,
    userId: bucket.userId,
    kind: "grant",
    bucketId: bucket.bucketId,
    amount: bucket.granted,
    source,
    ...(reason ? { reason } : {}),
    createdAt: bucket.createdAt,
  });
  return putBucket(bucket);
}

/** Empties a stock and records how many credits that took away (none when already revoked). */
export async function revokeBucketWithLedger(
  userId: string,
  bucketId: string,
  source: string,
  now: Date,
): Promise<number> {
  const left = await revokeBucket(userId, bucketId, now);
  if (left === null) return 0;
  await putLedgerEntry({
    entryId: `${userId}#revoke#${bucketId}`,
    userId,
    kind: "revoke",
    bucketId,
    amount: left,
    source,
    createdAt: now.toISOString(),
  });
  return left;
}

/** The free allowance of this month, made on first use: no job has to top anyone up. */
async function withFreeMonth(userId: string, now: Date): Promise<CreditBucket[]> {
  const buckets = await listBuckets(userId);
  const bucketId = `free#${monthOf(now)}`;
  if (buckets.some((b) => b.bucketId === bucketId)) return buckets;
  const free: CreditBucket = {
    userId,
    bucketId,
    tierId: "free",
    skills: FREE_TIER.skills,
    granted: FREE_TIER.credits,
    remaining: FREE_TIER.credits,
    createdAt: now.toISOString(),
    expiresAt: nextMonthStart(now),
  };
  await grantBucket(free, "free-monthly");
  return listBuckets(userId);
}

// Code-point order: ISO dates compare as strings, and locale collation would put "~" first.
const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const NEVER = "9999";

/**
 * Takes one credit for a cloud-scored assessment of `skill`: what expires first, then the
 * narrowest pack, then the oldest. Null when none is left (every conditional take refused).
 */
export async function takeCredit(
  userId: string,
  skill: ScoredSkill,
  now = new Date(),
): Promise<{ bucketId: string } | null> {
  const candidates = (await withFreeMonth(userId, now))
    .filter((bucket) => usable(bucket, skill, now))
    .sort(
      (a, b) =>
        byString(a.expiresAt ?? NEVER, b.expiresAt ?? NEVER) ||
        a.skills.length - b.skills.length ||
        byString(a.createdAt, b.createdAt),
    );
  for (const bucket of candidates) {
    if (await takeFromBucket(userId, bucket.bucketId, now)) return { bucketId: bucket.bucketId };
  }
  return null;
}

/** A credit taken for a submission that then never happened (it was handed in already). */
export async function returnCredit(userId: string, bucketId: string): Promise<void> {
  await giveBackToBucket(userId, bucketId);
}

/**
 * A cloud scoring that finally failed (or that only the offline scorer could do) gives its
 * credit back, once: the assessment is marked first, conditionally, so a second failure path
 * (the sweeper, a duplicate event) finds it refunded and stops.
 */
export async function refundCredit(
  assessment: Pick<ScoredAssessment, "assessmentId" | "userId" | "billing">,
  now = new Date(),
): Promise<boolean> {
  const billing = assessment.billing;
  if (billing?.scoring !== "cloud" || billing.refundedAt) return false;
  if (!(await markBillingRefunded(assessment.assessmentId, billing.bucketId, now))) return false;
  await giveBackToBucket(assessment.userId, billing.bucketId);
  return true;
}

export type ScoringChoice = "cloud" | "offline";

/**
 * How a submission is scored: offline when no cloud model is configured (nothing is charged)
 * or the student chose it; otherwise for one credit. Null: cloud asked for, no credit left.
 */
export async function billingFor(
  userId: string,
  skill: ScoredSkill,
  options: { cloudConfigured: boolean; choice: ScoringChoice },
  now = new Date(),
): Promise<Billing | null> {
  if (!options.cloudConfigured || options.choice === "offline") return { scoring: "offline" };
  const taken = await takeCredit(userId, skill, now);
  return taken ? { scoring: "cloud", bucketId: taken.bucketId } : null;
}

export interface EntitlementSummary {
  /** Cloud-scored assessments left now, per skill (a Full credit counts under both). */
  remaining: Record<ScoredSkill, number>;
  buckets: CreditBucket[];
}

export async function entitlementSummary(
  userId: string,
  now = new Date(),
): Promise<EntitlementSummary> {
  const buckets = await withFreeMonth(userId, now);
  const left = (skill: ScoredSkill) =>
    buckets.filter((b) => usable(b, skill, now)).reduce((sum, b) => sum + b.remaining, 0);
  return { remaining: { writing: left("writing"), speaking: left("speaking") }, buckets };
}

// ---------------------------------------------------------------- grants by hand

const adminGrantSchema = z
  .object({
    userId: z.uuid("Choose the student's account."),
    tierId: z.enum(["free", "writing", "speaking", "full"]).optional(),
    credits: z.coerce
      .number()
      .int("Credits are a whole number.")
      .min(1, "Grant at least one credit.")
      .max(1000, "Grant at most 1,000 credits at a time.")
      .optional(),
    reason: z.string().trim().min(3, "Say why (it is kept in the ledger).").max(500),
  })
  .refine((input) => input.tierId !== undefined || input.credits !== undefined, {
    error: "Choose a tier or a number of credits.",
    path: ["tierId"],
  });

export type AdminGrantInput = z.input<typeof adminGrantSchema>;

export type AdminGrantResult =
  | { ok: true; bucket: CreditBucket }
  | { ok: false; reason: "forbidden" }
  | { ok: false; reason: "invalid"; errors: Record<string, string> };

/**
 * An admin gives a student a tier's pack (or a number of credits for both skills) by hand,
 * with a reason; the ledger keeps who, why and how many.
 */
export async function grantByAdmin(
  actor: { userId: string; role: string },
  input: AdminGrantInput,
  now = new Date(),
): Promise<AdminGrantResult> {
  if (actor.role !== "admin") return { ok: false, reason: "forbidden" };
  const parsed = adminGrantSchema.safeParse(input);
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues)
      errors[String(issue.path[0] ?? "form")] ??= issue.message;
    return { ok: false, reason: "invalid", errors };
  }
  const tier: Tier | null = parsed.data.tierId ? tierById(parsed.data.tierId) : null;
  const credits = parsed.data.credits ?? tier?.credits ?? 0;
  const bucket: CreditBucket = {
    userId: parsed.data.userId,
    bucketId: `admin#${randomUUID()}`,
    tierId: tier?.id ?? "full",
    skills: tier?.skills ?? ["writing", "speaking"],
    granted: credits,
    remaining: credits,
    createdAt: now.toISOString(),
  };
  await grantBucket(bucket, `admin:${actor.userId}`, parsed.data.reason);
  return { ok: true, bucket };
}
