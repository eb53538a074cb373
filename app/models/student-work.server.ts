// The API routes reach the student's assessments and Reading/Listening papers only through
// here (see accounts.server.ts for why).
export {
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  detailOf,
  listAssessmentPage,
  ownAssessment,
} from "../../src/assessments/student-work";
export { openObjectiveDraft, ownObjective, submitObjective } from "../../src/assessments/objective";
export { MAX_ANSWER_CHARS, paperView } from "../../src/assessments/objective-paper";
export { questionsOf } from "../../src/content/papers";
export { publishEvent } from "../../src/data/events";
