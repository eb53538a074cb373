// The one door from routes to the account flows: the `.server` name keeps them, and the AWS
// SDK they pull in, out of the browser bundle even if a route's imports are not tree-shaken.
export {
  changePassword,
  register,
  requestPasswordReset,
  resetPassword,
  verifyEmail,
} from "../../src/accounts/service";
export { readOutbox } from "../../src/accounts/mailer";
export {
  changePasswordSchema,
  forgotPasswordSchema,
  joinSchema,
  resetSchema,
  validate,
} from "../../src/accounts/validation";
