import { appleNotificationBody } from "~/api-contract/requests.server";
import { appleConfigFromEnv, handleAppleNotification } from "~/models/commerce.server";
import { apiRoute, problem, readJson, validated } from "~/api.server";

// App Store Server Notifications V2: no bearer token, the payload's signature is the proof.
const route = apiRoute({
  POST: async ({ request }) => {
    const config = appleConfigFromEnv();
    if (!config) throw problem(request, "not-found", "App Store purchases are not set up here.");
    const input = validated(request, appleNotificationBody, await readJson(request));
    const outcome = await handleAppleNotification(input.signedPayload, config);
    if (outcome.kind === "refused") throw problem(request, "bad-request", outcome.reason);
    return { data: outcome };
  },
});

export const loader = route.loader;
export const action = route.action;
