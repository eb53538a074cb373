// Routes reach assessment flows and data only through here (see accounts.server.ts for why).
export { joinedTranscript } from "../../src/assessments/combine-speaking";
export { assessmentIdFrom } from "../../src/assessments/ids";
export { retryScoring, scoringOptions } from "../../src/assessments/charge";
export {
  ESSAY_TOO_LONG,
  HAND_IN_FAILED,
  MAX_ESSAY_CHARS,
  MIN_WORDS,
  TASK_MINUTES,
  draftResponseSchema,
  farUnderMinimum,
  findWritingDraft,
  openWritingDraft,
  saveWritingDraft,
  submitResponseSchema,
  submitWriting,
  writingQuerySchema,
} from "../../src/assessments/writing";
export { reportOutcomes, reportSchema } from "../../src/assessments/reports";
export { discardAssessment, getAssessment } from "../../src/data/assessments";
export type { Assessment } from "../../src/domain/assessment";
export { createContentReport } from "../../src/data/content-reports";
export { publishEvent } from "../../src/data/events";
