/** One admin action: who did what to which target, when, and the state before and after. */
export interface AuditEntry {
  auditId: string;
  actorId: string;
  actorEmail: string;
  action: string;
  /** What was acted on, as `kind#id` (user#…, assessment#…, question#…, report#…). */
  target: string;
  /** ISO 8601 */
  at: string;
  before?: unknown;
  after?: unknown;
  note?: string;
}
