// The API routes reach the student's assessments, tasks and papers only through here (see
// accounts.server.ts for why).
export { detailOf, listAssessmentPage, ownAssessment } from "../../src/assessments/student-work";
export { openObjectiveDraft, ownObjective, submitObjective } from "../../src/assessments/objective";
export { paperView } from "../../src/assessments/objective-paper-view";
export {
  farUnderMinimum,
  MIN_WORDS,
  openWritingDraft,
  ownWritingTask,
  saveWritingDraft,
  submitWriting,
  writingTaskView,
} from "../../src/assessments/writing";
export {
  findSpeakingDraft,
  openSpeakingDraft,
  ownSpeakingTask,
  saveSpeakingAnswers,
  speakingTaskView,
} from "../../src/assessments/speaking";
export { validateSpeakingForm } from "../../src/assessments/speaking-form";
export {
  receiveLocalUpload,
  requestRecordingUpload,
  tooLargeMessage,
} from "../../src/assessments/recording-upload";
export { scoringOptions } from "../../src/assessments/charge";
export { questionsOf } from "../../src/content/papers";
export { getAudioStore } from "../../src/data/audio-store";
export { publishEvent } from "../../src/data/events";
