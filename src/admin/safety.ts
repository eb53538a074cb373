import * as z from "zod";
import { SAFETY_KINDS, type SafetyEvent } from "../domain/safety";
import { listSafetyLogsByKind, listUserSafetyLogs, type SafetyLog } from "../data/safety-logs";
import { getUserByEmail } from "../data/users";
import { assertAdmin, type Actor } from "./actor";

const KINDS = Object.keys(SAFETY_KINDS) as [SafetyEvent["kind"], ...SafetyEvent["kind"][]];

const dayInput = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2026-01-31.")
  .optional()
  .or(z.literal("").transform(() => undefined));

export const safetyFilterSchema = z.object({
  kind: z
    .enum(KINDS)
    .optional()
    .or(z.literal("").transform(() => undefined)),
  email: z.string().trim().max(254).optional(),
  from: dayInput,
  to: dayInput,
});
export type SafetyFilter = z.infer<typeof safetyFilterSchema>;

const DAY_MS = 86_400_000;

/**
 * By user (the byUser index) or by kind (byKind), each narrowed by the rest; with neither, every
 * kind's index over the dates. The default range is the last 7 days, so a view stays a few
 * queries over one week's logs.
 */
export async function findSafetyLogs(
  actor: Actor,
  filter: SafetyFilter,
  now = new Date(),
): Promise<SafetyLog[] | { unknownUser: true }> {
  assertAdmin(actor);
  const from = filter.from ?? new Date(now.getTime() - 6 * DAY_MS).toISOString().slice(0, 10);
  const to = `${filter.to ?? now.toISOString().slice(0, 10)}T23:59:59.999Z`;
  const inRange = (log: SafetyLog) => log.createdAt >= from && log.createdAt <= to;
  if (filter.email) {
    const user = await getUserByEmail(filter.email);
    if (!user) return { unknownUser: true };
    return (await listUserSafetyLogs(user.userId)).filter(
      (log) => inRange(log) && (!filter.kind || log.kind === filter.kind),
    );
  }
  const kinds = filter.kind ? [filter.kind] : KINDS;
  const found = await Promise.all(kinds.map((k) => listSafetyLogsByKind(k, from, to)));
  return found.flat().sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}
