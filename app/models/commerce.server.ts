// The door from routes to src/commerce: the `.server` name keeps the data layer out of the browser.
import { appPurchaseLinks } from "../../src/commerce/handoff";
import { svgCode } from "../qr.server";
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
      svg: await svgCode(link.url, 1),
    })),
  );
}
