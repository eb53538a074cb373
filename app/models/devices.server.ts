// The device use cases for the account page; the `.server` name keeps them, and the AWS SDK
// they pull in, out of the browser bundle.
export { listDevices, revokeDevice } from "../../src/accounts/devices";
