import * as z from "zod";
import { listUserReports } from "../data/content-reports";
import { REPORT_REASONS } from "./report-reasons";

export const reportSchema = z.object({
  reason: z.enum(Object.keys(REPORT_REASONS) as [keyof typeof REPORT_REASONS]),
  comment: z.string().trim().max(2_000, "Keep your comment under 2,000 characters."),
});

/** What became of the student's reports on one assessment, shown on its result page. */
export async function reportOutcomes(userId: string, assessmentId: string) {
  return (await listUserReports(userId))
    .filter((r) => r.assessmentId === assessmentId)
    .map((r) => ({
      reportId: r.reportId,
      createdAt: r.createdAt,
      status: r.status ?? "open",
      note: r.resolutionNote ?? null,
    }));
}
