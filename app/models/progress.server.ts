// Routes reach the student's history through here, so that the data layer and the AWS SDK
// stay out of the browser bundle.
export { listUserAssessments } from "../../src/data/assessments";
export { historyRows, parseSkill } from "../../src/progress/history";
export { bandSeries, criterionStats } from "../../src/progress/charts";
export { historyCsv } from "../../src/progress/csv";
