import * as z from "zod";
import { appendAudit, type AuditEntry } from "../data/audit-log";
import type { User } from "../data/users";

/** Who is acting: every admin use case takes one and checks it, whatever door it came in by. */
export type Actor = Pick<User, "userId" | "email" | "role">;

class NotAdminError extends Error {
  constructor() {
    super("Only an admin may do this.");
  }
}

/** Defence in depth: the routes check the role too, but a use case never trusts its caller. */
export function assertAdmin(actor: Actor): void {
  if (actor.role !== "admin") throw new NotAdminError();
}

/** Why an admin made a change: required, because it goes in the audit log beside the change. */
export const auditReason = z
  .string()
  .trim()
  .min(3, "Say why, in a few words: it goes in the audit log.")
  .max(500, "Keep the reason under 500 characters.");

/** A refusal an admin sees as a message on the form, with nothing changed. */
export type Refusal = { ok: false; message: string };

/** Writes the action to the audit log; each admin change calls this after it has taken effect. */
export function audit(
  actor: Actor,
  action: string,
  target: string,
  change: Pick<AuditEntry, "before" | "after" | "note"> = {},
  now = new Date(),
): Promise<AuditEntry> {
  return appendAudit({
    actorId: actor.userId,
    actorEmail: actor.email,
    action,
    target,
    at: now.toISOString(),
    ...change,
  });
}
