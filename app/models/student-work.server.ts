// The API routes reach the student's assessments and Reading/Listening papers only through
// here (see accounts.server.ts for why).
export { detailOf, listAssessmentPage, ownAssessment } from "../../src/assessments/student-work";
export { openObjectiveDraft, ownObjective, submitObjective } from "../../src/assessments/objective";
export { paperView } from "../../src/assessments/objective-paper";
export { questionsOf } from "../../src/content/papers";
export { publishEvent } from "../../src/data/events";
