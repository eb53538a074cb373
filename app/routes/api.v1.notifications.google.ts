import { googleConfigFromEnv, handleGoogleNotification } from "~/models/commerce.server";
import { apiRoute, problem, readJson } from "~/api.server";

// Real-time Developer Notifications, pushed by Pub/Sub to this URL with `?token=<secret>`.
const route = apiRoute({
  POST: async ({ request }) => {
    const config = googleConfigFromEnv();
    if (!config) throw problem(request, "not-found", "Google Play purchases are not set up here.");
    const token = new URL(request.url).searchParams.get("token") ?? "";
    const outcome = await handleGoogleNotification(await readJson(request), token, config);
    if (outcome.kind === "refused") {
      // Pub/Sub retries any non-2xx reply, so a voided purchase Google does not report as
      // cancelled yet is asked about again later.
      throw problem(
        request,
        token === config.notificationToken ? "bad-request" : "unauthorized",
        outcome.reason,
      );
    }
    return { data: outcome };
  },
});

export const loader = route.loader;
export const action = route.action;
