import { accountPurchases, entitlementSummary, TIERS } from "~/models/commerce.server";
import { apiRoute } from "~/api.server";
import { requireApiClient } from "~/permissions.server";

const route = apiRoute({
  // What the student may have scored by a cloud model now, where it came from, and what is on sale.
  GET: async ({ request }) => {
    const { user } = await requireApiClient(request);
    const summary = await entitlementSummary(user.userId);
    return {
      data: {
        remaining: summary.remaining,
        credits: summary.buckets.map((b) => ({
          id: b.bucketId,
          tier: b.tierId,
          skills: b.skills,
          granted: b.granted,
          remaining: b.remaining,
          expiresAt: b.expiresAt ?? null,
          revokedAt: b.revokedAt ?? null,
        })),
        purchases: await accountPurchases(user.userId),
        tiers: TIERS,
      },
    };
  },
});

export const loader = route.loader;
export const action = route.action;
