import { problem } from "~/api.server";
import { entitlementSummary, type GrantOutcome } from "~/models/commerce.server";

/**
 * The API's answer to a redeemed purchase, the same for both stores: 201 when it granted, 200
 * for the same transaction again (so an app may retry freely), 409 when it cannot count, 422
 * when its proof did not check out.
 */
export async function purchaseReply(
  request: Request,
  userId: string,
  field: string,
  outcome: GrantOutcome | { kind: "refused"; reason: string },
) {
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
