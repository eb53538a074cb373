import { listAuditDays, type AuditEntry } from "../data/audit-log";
import { lastDays } from "./dashboard";
import { assertAdmin, type Actor } from "./actor";

/** The audit log of the last `days` UTC days, newest first. */
export async function recentAudit(actor: Actor, days = 7, now = new Date()): Promise<AuditEntry[]> {
  assertAdmin(actor);
  return listAuditDays(lastDays(now, days).reverse());
}
