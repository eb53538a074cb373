import type { CreditBucket, ScoredSkill, TierId } from "../domain/entitlement";
import { updateIf, updateReturning, putNewIf } from "./conditional";
import { oneOf, optionalStrings } from "./fields";
import { queryAll } from "./paginate";

export const TIER_IDS = [
  "free",
  "writing",
  "speaking",
  "full",
] as const satisfies readonly TierId[];
const SCORED_SKILLS = ["writing", "speaking"] as const satisfies readonly ScoredSkill[];

/** A new stock of credits; false when it is already there (a replay or a second request). */
export async function putBucket(bucket: CreditBucket): Promise<boolean> {
  return putNewIf("entitlements", { ...bucket, productId: bucket.bucketId }, "userId");
}

export async function listBuckets(userId: string): Promise<CreditBucket[]> {
  return queryAll("entitlements", { key: { userId }, consistent: true }, toBucket);
}

/**
 * One credit out of the bucket, only while one is left: the condition is checked by DynamoDB
 * on the item itself, so of two submissions racing for the last credit exactly one gets it.
 */
export async function takeFromBucket(
  userId: string,
  bucketId: string,
  now: Date,
): Promise<boolean> {
  return updateIf("entitlements", {
    Key: { userId, productId: bucketId },
    UpdateExpression: "SET remaining = remaining - :one",
    ConditionExpression:
      "remaining >= :one AND attribute_not_exists(revokedAt) AND (attribute_not_exists(expiresAt) OR expiresAt > :now)",
    ExpressionAttributeValues: { ":one": 1, ":now": now.toISOString() },
  });
}

/** A credit back into its bucket; a revoked bucket stays empty. */
export async function giveBackToBucket(userId: string, bucketId: string): Promise<boolean> {
  return updateIf("entitlements", {
    Key: { userId, productId: bucketId },
    UpdateExpression: "ADD remaining :one",
    ConditionExpression: "attribute_exists(userId) AND attribute_not_exists(revokedAt)",
    ExpressionAttributeValues: { ":one": 1 },
  });
}

/** Empties the bucket for good: the credits it still held, or null if already revoked or absent. */
export async function revokeBucket(
  userId: string,
  bucketId: string,
  now: Date,
): Promise<number | null> {
  const old = await updateReturning("entitlements", {
    Key: { userId, productId: bucketId },
    UpdateExpression: "SET remaining = :zero, revokedAt = :at",
    ConditionExpression: "attribute_exists(userId) AND attribute_not_exists(revokedAt)",
    ExpressionAttributeValues: { ":zero": 0, ":at": now.toISOString() },
    ReturnValues: "UPDATED_OLD",
  });
  return old && Number(old.remaining ?? 0);
}

function toBucket(item: Record<string, unknown>): CreditBucket {
  return {
    userId: String(item.userId),
    bucketId: String(item.productId),
    tierId: oneOf(item.tierId, TIER_IDS, "free"),
    skills: skillsFrom(item.skills),
    granted: Number(item.granted ?? 0),
    remaining: Number(item.remaining ?? 0),
    createdAt: String(item.createdAt),
    ...optionalStrings(item, ["expiresAt", "revokedAt"]),
  };
}

function skillsFrom(value: unknown): ScoredSkill[] {
  if (!Array.isArray(value)) return [];
  return value.filter((skill): skill is ScoredSkill =>
    SCORED_SKILLS.some((known) => known === skill),
  );
}
