import { googlePurchaseBody } from "~/api-contract/requests.server";
import { googleConfigFromEnv, redeemGooglePurchase } from "~/models/commerce.server";
import { apiRoute, problem, readJson, validated } from "~/api.server";
import { purchaseReply } from "~/purchase-reply.server";
import { requireApiClient } from "~/permissions.server";

const route = apiRoute({
  POST: async ({ request }) => {
    const { user } = await requireApiClient(request);
    const config = googleConfigFromEnv();
    if (!config) throw problem(request, "not-found", "Google Play purchases are not set up here.");
    const input = validated(request, googlePurchaseBody, await readJson(request));
    const outcome = await redeemGooglePurchase(user.userId, input, config);
    return purchaseReply(request, user.userId, "purchaseToken", outcome);
  },
});

export const loader = route.loader;
export const action = route.action;
