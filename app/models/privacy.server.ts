// The door from the privacy and account routes to src/privacy: the `.server` name keeps the
// data layer, and the AWS SDK behind it, out of the browser bundle.
export {
  answerCloudAudioConsent,
  cloudAudioConsent,
  consentAnswerSchema,
} from "../../src/privacy/consent";
export { deleteAccount, deleteAccountSchema } from "../../src/privacy/erase";
export { downloadRecording, exportAccount } from "../../src/privacy/export";
export { POLICY_VERSION } from "../../src/privacy/policy";
export { retentionRows } from "../../src/privacy/retention";
export { getAudioStore } from "../../src/data/audio-store";
