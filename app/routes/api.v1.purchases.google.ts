import { z } from "zod";
import { googleConfigFromEnv, redeemGooglePurchase } from "~/models/commerce.server";
import { apiRoute, problem, readJson, validated } from "~/api.server";
import { purchaseReply } from "~/purchase-reply.server";
import { requireApiClient } from "~/permissions.server";

const body = z.object({
  productId: z.string({ error: "productId is the Play product bought." }).min(1).max(200),
  purchaseToken: z
    .string({ error: "purchaseToken is the token Play Billing gave the app." })
    .min(1, "purchaseToken is the token Play Billing gave the app.")
    .max(4_000, "purchaseToken is too long."),
});

const route = apiRoute({
  POST: async ({ request }) => {
    const { user } = await requireApiClient(request);
    const config = googleConfigFromEnv();
    if (!config) throw problem(request, "not-found", "Google Play purchases are not set up here.");
    const input = validated(request, body, await readJson(request));
    const outcome = await redeemGooglePurchase(user.userId, input, config);
    return purchaseReply(request, user.userId, "purchaseToken", outcome);
  },
});

export const loader = route.loader;
export const action = route.action;
