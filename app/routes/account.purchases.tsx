import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { TIERS } from "../../src/commerce/tiers";
import { accountPurchases, entitlementSummary } from "~/models/commerce.server";
import { requireUser } from "~/permissions.server";
import { pageTitle } from "~/route-head";

export const meta = pageTitle("Purchases");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const summary = await entitlementSummary(user.userId);
  return json({
    remaining: summary.remaining,
    purchases: await accountPurchases(user.userId),
  });
}

const when = (iso: string) =>
  new Date(iso).toLocaleDateString("en-GB", { dateStyle: "medium", timeZone: "UTC" });

const STORES = { apple: "App Store", google: "Google Play" } as const;

export default function Purchases() {
  const { remaining, purchases } = useLoaderData<typeof loader>();
  return (
    <section>
      <h1>Purchases</h1>
      <p>
        AI-scored assessments left: {remaining.writing} Writing, {remaining.speaking} Speaking.
        Offline scoring is always free. <Link to="/pricing">See packs</Link>
      </p>
      {purchases.length === 0 ? (
        <p>No purchases yet. Packs bought in the app show here.</p>
      ) : (
        <ul className="purchases">
          {purchases.map((p) => (
            <li key={p.purchaseId}>
              <strong>{TIERS.find((t) => t.id === p.tierId)?.name ?? p.productId}</strong> (
              {p.credits} credits) · {STORES[p.store]} · {when(p.purchasedAt)}
              {p.status === "revoked" ? ` · refunded ${p.revokedAt ? when(p.revokedAt) : ""}` : ""}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
