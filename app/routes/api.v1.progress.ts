import { progressQuery } from "~/api-contract/requests.server";
import { apiRoute, validated } from "~/api.server";
import { progressOverview } from "~/models/progress.server";
import { requireApiClient } from "~/permissions.server";

const route = apiRoute({
  // The same figures as /profile: history newest first, band series, criteria against average.
  GET: async ({ request }) => {
    const { user } = await requireApiClient(request);
    const query = Object.fromEntries(new URL(request.url).searchParams);
    const { skill } = validated(request, progressQuery, query);
    return { data: await progressOverview({ userId: user.userId, skill: skill ?? null }) };
  },
});

export const loader = route.loader;
export const action = route.action;
