import { z } from "zod";
import { appleConfigFromEnv, redeemAppleTransaction } from "~/models/commerce.server";
import { apiRoute, problem, readJson, validated } from "~/api.server";
import { purchaseReply } from "~/purchase-reply.server";
import { requireApiClient } from "~/permissions.server";

const body = z.object({
  signedTransaction: z
    .string({ error: "signedTransaction is the JWS StoreKit 2 gave the app." })
    .min(1, "signedTransaction is the JWS StoreKit 2 gave the app.")
    .max(20_000, "signedTransaction is too long to be a StoreKit 2 transaction."),
});

const route = apiRoute({
  POST: async ({ request }) => {
    const { user } = await requireApiClient(request);
    const config = appleConfigFromEnv();
    if (!config) throw problem(request, "not-found", "App Store purchases are not set up here.");
    const input = validated(request, body, await readJson(request));
    const outcome = await redeemAppleTransaction(user.userId, input.signedTransaction, config);
    return purchaseReply(request, user.userId, "signedTransaction", outcome);
  },
});

export const loader = route.loader;
export const action = route.action;
