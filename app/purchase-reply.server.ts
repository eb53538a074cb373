import type * as z from "zod";
import { apiRoute, problem, readJson, validated } from "~/api.server";
import { entitlementSummary, type GrantOutcome } from "~/models/commerce.server";
import { requireApiClient } from "~/permissions.server";

type Redeemed = GrantOutcome | { kind: "refused"; reason: string };

/** The route that redeems one store's purchase proof: 404 where that store is not set up. */
export function purchaseRoute<C, S extends z.ZodType<Record<string, unknown>>>(store: {
  notSetUp: string;
  config: () => C | null;
  body: S;
  /** The body's field that carries the proof, named when the store refuses it. */
  field: string;
  redeem: (userId: string, input: z.infer<S>, config: C) => Promise<Redeemed>;
}) {
  return apiRoute({
    POST: async ({ request }) => {
      const { user } = await requireApiClient(request);
      const config = store.config();
      if (!config) throw problem(request, "not-found", store.notSetUp);
      const input = validated(request, store.body, await readJson(request));
      const outcome = await store.redeem(user.userId, input, config);
      return purchaseReply(request, user.userId, store.field, outcome);
    },
  });
}

/**
 * The API's answer to a redeemed purchase, the same for both stores: 201 when it granted, 200
 * for the same transaction again (so an app may retry freely), 409 when it cannot count, 422
 * when its proof did not check out.
 */
async function purchaseReply(request: Request, userId: string, field: string, outcome: Redeemed) {
  if (outcome.kind === "refused") {
    throw problem(request, "validation", outcome.reason, {
      fieldErrors: { [field]: outcome.reason },
    });
  }
  if (outcome.kind === "other-account") {
    throw problem(request, "conflict", "This purchase belongs to another account.");
  }
  if (outcome.kind === "revoked") {
    throw problem(request, "conflict", "This purchase was refunded or revoked.");
  }
  const { remaining } = await entitlementSummary(userId);
  const { purchaseToken: _token, ...purchase } = outcome.purchase;
  return {
    status: outcome.kind === "granted" ? 201 : 200,
    data: { granted: outcome.kind === "granted", purchase, remaining },
  };
}
