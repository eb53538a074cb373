import { googlePurchaseBody } from "~/api-contract/requests.server";
import { googleConfigFromEnv, redeemGooglePurchase } from "~/models/commerce.server";
import { purchaseRoute } from "~/purchase-reply.server";

const route = purchaseRoute({
  notSetUp: "Google Play purchases are not set up here.",
  config: googleConfigFromEnv,
  body: googlePurchaseBody,
  field: "purchaseToken",
  redeem: redeemGooglePurchase,
});

export const loader = route.loader;
export const action = route.action;
