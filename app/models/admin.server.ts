// The admin door's use cases (see accounts.server.ts for why routes import through here).
export {
  findAssessments,
  findAssessmentSchema,
  inspectAssessment,
  rescoreAssessment,
  rescoreSchema,
} from "../../src/admin/assessments";
export { recentAudit } from "../../src/admin/audit";
export { dashboardCsv, loadDashboard } from "../../src/admin/dashboard";
export {
  editQuestion,
  editQuestionSchema,
  listQuestionBank,
  previewQuestion,
  questionIdSchema,
  retireQuestion,
  viewQuestion,
} from "../../src/admin/questions";
export {
  closeContentReport,
  closeReportSchema,
  reportQueue,
  reportQueueSchema,
} from "../../src/admin/reports";
export { editRubric, editRubricSchema, listRubric } from "../../src/admin/rubrics";
export { findSafetyLogs, safetyFilterSchema } from "../../src/admin/safety";
// The users page and the users list between them use all of it.
export * from "../../src/admin/users";
