import * as z from "zod";
import { listDevices, type Device } from "../accounts/devices";
import { resendVerification as sendLink } from "../accounts/service";
import { evaluateSession } from "../accounts/session-policy";
import { emailSchema } from "../accounts/validation";
import { entitlementSummary, grantByAdmin, type EntitlementSummary } from "../commerce/credits";
import { TIERS } from "../commerce/tiers";
import type { Assessment } from "../domain/assessment";
import { deleteUserApiTokens } from "../data/api-tokens";
import { listUserAssessments } from "../data/assessments";
import { listAuditForTarget, type AuditEntry } from "../data/audit-log";
import { deleteUserSessions, listUserSessions } from "../data/sessions";
import {
  addAdmin,
  getUserByEmail,
  getUserById,
  removeAdmin,
  setDisabled,
  setRole,
  type User,
  findUsersByEmailPrefix,
} from "../data/users";
import { EMAIL_HEAD_LENGTH } from "../data/keys";
import { assertAdmin, audit, auditReason, type Actor, type Refusal } from "./actor";

const userTarget = (userId: string) => `user#${userId}`;

const SEARCH_LIMIT = 20;

export const findUserSchema = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .min(
      EMAIL_HEAD_LENGTH,
      `Type the address, or at least its first ${EMAIL_HEAD_LENGTH} characters.`,
    )
    .max(254, "An email address has at most 254 characters."),
});

/**
 * The account with exactly this address, else up to 20 whose address starts with it: key
 * lookups and one index partition, never a scan of the users.
 */
export async function findUsers(
  actor: Actor,
  input: z.infer<typeof findUserSchema>,
): Promise<{ exact: User | null; matches: User[] }> {
  assertAdmin(actor);
  const exact = emailSchema.safeParse(input.email).success
    ? await getUserByEmail(input.email)
    : null;
  if (exact) return { exact, matches: [exact] };
  return { exact: null, matches: await findUsersByEmailPrefix(input.email, SEARCH_LIMIT) };
}

interface UserSession {
  createdAt: string;
  lastSeenAt: string;
}

export interface UserDetail {
  user: Omit<User, "passwordHash">;
  sessions: UserSession[];
  devices: Device[];
  assessments: Assessment[];
  history: AuditEntry[];
  entitlements: EntitlementSummary;
}

export async function userDetail(actor: Actor, userId: string): Promise<UserDetail | null> {
  assertAdmin(actor);
  const user = await getUserById(userId);
  if (!user) return null;
  const now = new Date();
  const [sessions, devices, assessments, history, entitlements] = await Promise.all([
    listUserSessions(userId),
    listDevices({ userId }),
    listUserAssessments(userId, 50),
    listAuditForTarget(userTarget(userId)),
    entitlementSummary(userId, now),
  ]);
  const { passwordHash: _hash, ...shown } = user;
  return {
    user: shown,
    // Only the sessions that would still let the user in: the others are leftovers for TTL.
    sessions: sessions
      .filter((s) => evaluateSession(s, user, now).valid)
      .map((s) => ({ createdAt: s.createdAt, lastSeenAt: s.lastSeenAt })),
    devices,
    assessments,
    history,
    entitlements,
  };
}

export const userActionSchema = z.object({
  userId: z.uuid({ error: "That is not a user id." }),
  reason: auditReason,
});
type UserAction = z.infer<typeof userActionSchema>;

type Done = { ok: true; user: User };

const NOT_FOUND: Refusal = { ok: false, message: "There is no such user." };

/** Each change to a user goes in the audit log with the admin's reason as its note. */
async function done(
  actor: Actor,
  action: string,
  input: UserAction,
  user: User,
  change: Pick<AuditEntry, "before" | "after"> = {},
): Promise<Done> {
  await audit(actor, `user.${action}`, userTarget(input.userId), { ...change, note: input.reason });
  return { ok: true, user };
}

/** Ends every browser session and app token of the user; the count is for the audit entry. */
async function endCredentials(userId: string): Promise<number> {
  const [sessions, tokens] = await Promise.all([
    listUserSessions(userId),
    deleteUserApiTokens(userId),
  ]);
  await deleteUserSessions(userId);
  return sessions.length + tokens;
}

/**
 * A disabled account cannot sign in, and every session and token it has stops at once: the
 * credential check refuses a disabled user on each read, and the rows are deleted as well.
 */
export async function disableUser(actor: Actor, input: UserAction): Promise<Done | Refusal> {
  assertAdmin(actor);
  if (input.userId === actor.userId) {
    return { ok: false, message: "You cannot disable your own account." };
  }
  const before = await getUserById(input.userId);
  if (!before) return NOT_FOUND;
  if (before.disabledAt) return { ok: false, message: "This account is already disabled." };
  const user = await setDisabled(input.userId, new Date().toISOString());
  const ended = await endCredentials(input.userId);
  return done(actor, "disable", input, user, {
    before: { disabledAt: null },
    after: { disabledAt: user.disabledAt, credentialsEnded: ended },
  });
}

export async function enableUser(actor: Actor, input: UserAction): Promise<Done | Refusal> {
  assertAdmin(actor);
  const before = await getUserById(input.userId);
  if (!before) return NOT_FOUND;
  if (!before.disabledAt) return { ok: false, message: "This account is not disabled." };
  const user = await setDisabled(input.userId, null);
  return done(actor, "enable", input, user, {
    before: { disabledAt: before.disabledAt },
    after: { disabledAt: null },
  });
}

export async function revokeSessions(actor: Actor, input: UserAction): Promise<Done | Refusal> {
  assertAdmin(actor);
  const user = await getUserById(input.userId);
  if (!user) return NOT_FOUND;
  const ended = await endCredentials(input.userId);
  return done(actor, "revoke-sessions", input, user, { after: { credentialsEnded: ended } });
}

export async function resendVerification(
  actor: Actor,
  input: UserAction & { baseUrl: string },
): Promise<Done | Refusal> {
  assertAdmin(actor);
  const user = await getUserById(input.userId);
  if (!user) return NOT_FOUND;
  if (user.emailVerified) return { ok: false, message: "This address is already confirmed." };
  if (!(await sendLink(user, input.baseUrl))) {
    return { ok: false, message: "This address has had its mail for the hour: try later." };
  }
  return done(actor, "resend-verification", input, user);
}

/** Only an admin grants the role; the admins' set and the user row change together. */
export async function grantAdmin(actor: Actor, input: UserAction): Promise<Done | Refusal> {
  assertAdmin(actor);
  const before = await getUserById(input.userId);
  if (!before) return NOT_FOUND;
  if (before.role === "admin") return { ok: false, message: "This user is already an admin." };
  await addAdmin(input.userId);
  const user = await setRole(input.userId, "admin");
  return done(actor, "grant-admin", input, user, {
    before: { role: before.role },
    after: { role: "admin" },
  });
}

/** Never the last admin: the conditional removal from the admins' set refuses it. */
export async function removeAdminRole(actor: Actor, input: UserAction): Promise<Done | Refusal> {
  assertAdmin(actor);
  const before = await getUserById(input.userId);
  if (!before) return NOT_FOUND;
  if (before.role !== "admin") return { ok: false, message: "This user is not an admin." };
  if (!(await removeAdmin(input.userId))) {
    return { ok: false, message: "This is the last admin: make another admin first." };
  }
  const user = await setRole(input.userId, "student");
  return done(actor, "remove-admin", input, user, {
    before: { role: "admin" },
    after: { role: "student" },
  });
}

export const changeTierSchema = userActionSchema.extend({
  tierId: z.enum(
    TIERS.filter((t) => t.id !== "free").map((t) => t.id) as ["writing", "speaking", "full"],
    { error: "Choose a pack." },
  ),
});

/**
 * A pack given by hand (a school's licence, a goodwill refund): the credits join the student's
 * stocks through the same ledger as a purchase, and the audit entry says how many were left.
 */
export async function changeTier(
  actor: Actor,
  input: z.infer<typeof changeTierSchema>,
): Promise<Done | Refusal> {
  assertAdmin(actor);
  const user = await getUserById(input.userId);
  if (!user) return NOT_FOUND;
  const before = await entitlementSummary(input.userId);
  const granted = await grantByAdmin(actor, input);
  if (!granted.ok) {
    return {
      ok: false,
      message:
        granted.reason === "invalid"
          ? (Object.values(granted.errors)[0] ?? "Check the form.")
          : "Only an admin can do this.",
    };
  }
  const after = await entitlementSummary(input.userId);
  return done(actor, "change-tier", input, user, {
    before: before.remaining,
    after: { ...after.remaining, tierId: input.tierId, credits: granted.bucket.granted },
  });
}
