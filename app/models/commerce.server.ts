// The door from routes to src/commerce: the `.server` name keeps the data layer out of the browser.
import QRCode from "qrcode";
import { appPurchaseLinks } from "../../src/commerce/handoff";
export {
  appleConfigFromEnv,
  handleAppleNotification,
  redeemAppleTransaction,
} from "../../src/commerce/apple";
export { entitlementSummary } from "../../src/commerce/credits";
export {
  googleConfigFromEnv,
  handleGoogleNotification,
  redeemGooglePurchase,
} from "../../src/commerce/google";
export { accountPurchases, type GrantOutcome } from "../../src/commerce/purchases";
export { TIERS } from "../../src/commerce/tiers";

/** Each pack's link into the app, with its QR code as inline SVG (no script, no image request). */
export async function purchaseCodes() {
  return Promise.all(
    appPurchaseLinks().map(async (link) => ({
      ...link,
      svg: await QRCode.toString(link.url, { type: "svg", margin: 1, errorCorrectionLevel: "M" }),
    })),
  );
}
