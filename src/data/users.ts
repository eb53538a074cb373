import { randomUUID } from "node:crypto";
import { deleteItem, getItem, updateItem, putNew, getMapped } from "./commands";
import { putIf, updateIf, putNewIf } from "./conditional";
import { optionalStrings, strings } from "./fields";
import { emailHead, emailKey, EMAIL_HEAD_LENGTH, normaliseEmail, userKey } from "./keys";
import { queryPage } from "./paginate";

export type Role = "student" | "admin";

export interface User {
  userId: string;
  email: string;
  passwordHash: string;
  emailVerified: boolean;
  role: Role;
  /** ISO 8601 */
  createdAt: string;
  /** ISO 8601; sessions authenticated before this moment are no longer valid. */
  passwordChangedAt: string;
  /** ISO 8601: set while an admin has disabled the account; no credential of it holds. */
  disabledAt?: string;
}

export type CreateUserResult = { ok: true; user: User } | { ok: false; reason: "email-taken" };

/**
 * How long a claim may wait for its user item before another sign-up may take it over. The two
 * writes follow each other within milliseconds; only a process that died between them leaves
 * a claim this old without a user.
 */
const CLAIM_GRACE_MS = 60_000;

interface EmailClaim {
  pk: string;
  userId: string;
  /** Only claims carry it, so the byEmailHead index holds addresses and nothing else. */
  emailHead?: string;
  /** ISO 8601 */
  claimedAt: string;
}

/**
 * Email uniqueness rests on a second item, `email#<address>`, written with a condition before
 * the user item. Not a TransactWriteItems: Sandbox's DynamoDB (dynalite) does not implement
 * transactions, and local runs must sign up the same way production does. Instead:
 * - the conditional claim decides the race between two sign-ups with one address;
 * - a failed user write removes its claim, so nothing is left half-made;
 * - readers ignore a claim without a user item, and a sign-up may take over such a claim once
 *   it is older than CLAIM_GRACE_MS (the process that made it died between the writes).
 */
export async function createUser(input: {
  email: string;
  passwordHash: string;
  role?: Role;
  now?: Date;
}): Promise<CreateUserResult> {
  const { now = new Date() } = input;
  const at = now.toISOString();
  const user: User = {
    userId: randomUUID(),
    email: normaliseEmail(input.email),
    passwordHash: input.passwordHash,
    emailVerified: false,
    role: input.role ?? "student",
    createdAt: at,
    passwordChangedAt: at,
  };
  const claim: EmailClaim = {
    pk: emailKey(user.email),
    userId: user.userId,
    claimedAt: at,
    emailHead: emailHead(user.email),
  };

  if (!(await putIfAbsent(claim))) {
    const stale = await staleClaim(claim.pk, now);
    if (!stale || !(await takeOver(stale, claim))) return { ok: false, reason: "email-taken" };
  }
  try {
    await putNew("users", { pk: userKey(user.userId), ...user }, "pk");
  } catch (error) {
    await deleteItem("users", {
      Key: { pk: claim.pk },
      ConditionExpression: "userId = :userId",
      ExpressionAttributeValues: { ":userId": user.userId },
    });
    throw error;
  }
  return { ok: true, user };
}

async function putIfAbsent(claim: EmailClaim): Promise<boolean> {
  return putNewIf("users", claim, "pk");
}

/** The existing claim, if it is an orphan old enough to be taken over. */
async function staleClaim(pk: string, now: Date): Promise<EmailClaim | null> {
  const item = await getItem("users", { pk });
  if (!item) return null;
  const claim = toClaim(item);
  if (now.getTime() - Date.parse(claim.claimedAt) < CLAIM_GRACE_MS) return null;
  return (await getUserById(claim.userId)) ? null : claim;
}

/** Conditional on the stale owner, so two sign-ups taking over at once cannot both win. */
async function takeOver(stale: EmailClaim, claim: EmailClaim): Promise<boolean> {
  return putIf("users", {
    Item: claim,
    ConditionExpression: "userId = :stale",
    ExpressionAttributeValues: { ":stale": stale.userId },
  });
}

/**
 * Accounts whose address starts with `prefix` (at least EMAIL_HEAD_LENGTH characters), in
 * address order: one partition of the byEmailHead index, never a scan.
 */
export async function findUsersByEmailPrefix(prefix: string, limit: number): Promise<User[]> {
  const start = normaliseEmail(prefix);
  if (start.length < EMAIL_HEAD_LENGTH) return [];
  const { rows } = await queryPage(
    "users",
    {
      index: "byEmailHead",
      key: { emailHead: emailHead(start) },
      sortKey: "begins_with(pk, :start)",
      values: { ":start": emailKey(start) },
    },
    limit,
  );
  const users = await Promise.all(rows.map((row) => getUserById(toClaim(row).userId)));
  // A claim whose user item was never written (see createUser) is not an account.
  return users.filter((user): user is User => user !== null);
}

export async function getUserById(userId: string): Promise<User | null> {
  return getMapped("users", { pk: userKey(userId) }, toUser);
}

export async function getUserByEmail(email: string): Promise<User | null> {
  const claim = await getItem("users", { pk: emailKey(email) });
  return typeof claim?.userId === "string" ? getUserById(claim.userId) : null;
}

export async function markEmailVerified(userId: string): Promise<void> {
  await updateUser(userId, "SET emailVerified = :true", { ":true": true });
}

export async function setPassword(
  userId: string,
  passwordHash: string,
  now = new Date(),
): Promise<User> {
  return updateUser(userId, "SET passwordHash = :hash, passwordChangedAt = :at", {
    ":hash": passwordHash,
    ":at": now.toISOString(),
  });
}

/** Disables (an ISO time) or re-enables (null) the account; the new user row. */
export function setDisabled(userId: string, disabledAt: string | null): Promise<User> {
  return disabledAt === null
    ? updateUser(userId, "REMOVE disabledAt", undefined)
    : updateUser(userId, "SET disabledAt = :at", { ":at": disabledAt });
}

export function setRole(userId: string, role: Role): Promise<User> {
  return updateUser(userId, "SET #role = :role", { ":role": role }, { "#role": "role" });
}

/**
 * The admins' ids, kept in one item as a string set so that "never the last admin" is one
 * conditional write on one item: two admins demoting each other at once cannot both succeed,
 * and nothing has to scan the users to count them.
 */
const ADMINS_KEY = "role#admin";

export async function addAdmin(userId: string): Promise<void> {
  await updateItem("users", {
    Key: { pk: ADMINS_KEY },
    UpdateExpression: "ADD userIds :id",
    ExpressionAttributeValues: { ":id": new Set([userId]) },
  });
}

/** False when `userId` is the only admin left (or not an admin): then nothing changes. */
export async function removeAdmin(userId: string): Promise<boolean> {
  return updateIf("users", {
    Key: { pk: ADMINS_KEY },
    UpdateExpression: "DELETE userIds :id",
    ConditionExpression: "contains(userIds, :me) AND size(userIds) > :one",
    ExpressionAttributeValues: { ":id": new Set([userId]), ":me": userId, ":one": 1 },
  });
}

async function updateUser(
  userId: string,
  update: string,
  values: Record<string, unknown> | undefined,
  names?: Record<string, string>,
): Promise<User> {
  const { Attributes } = await updateItem("users", {
    Key: { pk: userKey(userId) },
    UpdateExpression: update,
    ExpressionAttributeValues: values,
    ExpressionAttributeNames: names,
    // Without it an update for a deleted user would create a half-made user item.
    ConditionExpression: "attribute_exists(pk)",
    ReturnValues: "ALL_NEW",
  });
  return toUser(Attributes ?? {});
}

export function toUser(item: Record<string, unknown>): User {
  return {
    ...strings(item, ["userId", "email", "passwordHash", "createdAt", "passwordChangedAt"]),
    emailVerified: item.emailVerified === true,
    // Only an explicit admin is one: anything else gets a student's rights.
    role: item.role === "admin" ? "admin" : "student",
    ...optionalStrings(item, ["disabledAt"]),
  };
}

function toClaim(item: Record<string, unknown>): EmailClaim {
  return {
    ...strings(item, ["pk", "userId", "claimedAt"]),
    ...optionalStrings(item, ["emailHead"]),
  };
}
