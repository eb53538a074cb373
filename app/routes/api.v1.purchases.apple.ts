import { appleTransactionBody } from "~/api-contract/requests.server";
import { appleConfigFromEnv, redeemAppleTransaction } from "~/models/commerce.server";
import { purchaseRoute } from "~/purchase-reply.server";

const route = purchaseRoute({
  notSetUp: "App Store purchases are not set up here.",
  config: appleConfigFromEnv,
  body: appleTransactionBody,
  field: "signedTransaction",
  redeem: (userId, input, config) =>
    redeemAppleTransaction(userId, input.signedTransaction, config),
});

export const loader = route.loader;
export const action = route.action;
