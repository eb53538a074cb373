// Routes reach the student's history through here, so that the data layer and the AWS SDK
// stay out of the browser bundle.
export { listUserAssessments } from "../../src/data/assessments";
export { historyRows, parseSkill } from "../../src/progress/history";
export { progressOverview } from "../../src/progress/overview";
export { historyCsv } from "../../src/progress/csv";
