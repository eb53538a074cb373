import { z } from "zod";
import { REPORT_REASONS } from "./report-reasons";

export const reportSchema = z.object({
  reason: z.enum(Object.keys(REPORT_REASONS) as [keyof typeof REPORT_REASONS]),
  comment: z.string().trim().max(2_000, "Keep your comment under 2,000 characters."),
});
