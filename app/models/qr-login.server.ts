// The QR handoff use cases for the pages and the API; the `.server` name keeps them, and the
// AWS SDK they pull in, out of the browser bundle.
export {
  appSignInState,
  approveWebLogin,
  cancelQr,
  inspectQr,
  startAppSignIn,
  startWebLogin,
} from "../../src/accounts/qr-login";
