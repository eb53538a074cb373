// The door from the Speaking routes to src/: the `.server` name keeps the data layer, and the
// AWS SDK behind it, out of the browser bundle.
export {
  findSpeakingDraft,
  openSpeakingDraft,
  saveSpeakingAnswers,
} from "../../src/assessments/speaking";
export { partQuestions, validateSpeakingForm } from "../../src/assessments/speaking-form";
export {
  directUploadLimit,
  requestRecordingUpload,
  tooLargeMessage,
  uploadRequestSchema,
} from "../../src/assessments/recording-upload";
export { getAudioStore } from "../../src/data/audio-store";
export { publishEvent } from "../../src/data/events";
