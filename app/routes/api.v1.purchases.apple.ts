import { appleTransactionBody } from "~/api-contract/requests.server";
import { appleConfigFromEnv, redeemAppleTransaction } from "~/models/commerce.server";
import { apiRoute, problem, readJson, validated } from "~/api.server";
import { purchaseReply } from "~/purchase-reply.server";
import { requireApiClient } from "~/permissions.server";

const route = apiRoute({
  POST: async ({ request }) => {
    const { user } = await requireApiClient(request);
    const config = appleConfigFromEnv();
    if (!config) throw problem(request, "not-found", "App Store purchases are not set up here.");
    const input = validated(request, appleTransactionBody, await readJson(request));
    const outcome = await redeemAppleTransaction(user.userId, input.signedTransaction, config);
    return purchaseReply(request, user.userId, "signedTransaction", outcome);
  },
});

export const loader = route.loader;
export const action = route.action;
