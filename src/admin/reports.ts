import * as z from "zod";
import {
  closeReport,
  getContentReport,
  listReportsByStatus,
  markUnstatusedReportsOpen,
  type ContentReport,
  type ReportStatus,
} from "../data/content-reports";
import { assertAdmin, audit, type Actor, type Refusal } from "./actor";

export const reportQueueSchema = z.object({
  status: z.enum(["open", "resolved", "dismissed"]).catch("open"),
});

/** Oldest first, so the queue is worked through in the order students wrote. */
export async function reportQueue(actor: Actor, status: ReportStatus): Promise<ContentReport[]> {
  assertAdmin(actor);
  // Until no report from before the queue is left without a status, the open queue finds them.
  if (status === "open") await markUnstatusedReportsOpen();
  return listReportsByStatus(status);
}

export const closeReportSchema = z.object({
  reportId: z.uuid({ error: "That is not a report id." }),
  outcome: z.enum(["resolved", "dismissed"], { error: "Choose resolve or dismiss." }),
  note: z
    .string()
    .trim()
    .min(3, "Write a note for the student: they read it on their result page.")
    .max(1_000, "Keep the note under 1,000 characters."),
});

export async function closeContentReport(
  actor: Actor,
  input: z.infer<typeof closeReportSchema>,
): Promise<{ ok: true } | Refusal> {
  assertAdmin(actor);
  const before = await getContentReport(input.reportId);
  if (!before) return { ok: false, message: "There is no such report." };
  if (!(await closeReport(input.reportId, input.outcome, input.note))) {
    return { ok: false, message: "This report has already been closed." };
  }
  await audit(
    actor,
    `report.${input.outcome === "resolved" ? "resolve" : "dismiss"}`,
    `report#${input.reportId}`,
    {
      before: { status: before.status ?? "open" },
      after: { status: input.outcome, note: input.note },
    },
  );
  return { ok: true };
}
