import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { entitlementSummary, purchaseCodes, TIERS } from "~/models/commerce.server";
import { getUser } from "~/session.server";
import { pageTitle } from "~/route-head";

export const meta = pageTitle("Pricing");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  return json({
    tiers: TIERS,
    codes: await purchaseCodes(),
    remaining: user ? (await entitlementSummary(user.userId)).remaining : null,
  });
}

const skillNames = (skills: readonly string[]) =>
  skills.map((s) => (s === "writing" ? "Writing" : "Speaking")).join(" or ");

export default function Pricing() {
  const { tiers, codes, remaining } = useLoaderData<typeof loader>();
  return (
    <section className="pricing">
      <h1>Pricing</h1>
      <p>
        Scoring by the offline scorer is free for every skill, as often as you like. A credit pays
        for one Writing task or Speaking test scored by an AI model; a scoring that fails gives its
        credit back.
      </p>
      {remaining ? (
        <p>
          You have {remaining.writing} AI-scored Writing and {remaining.speaking} AI-scored Speaking
          left. <Link to="/account/purchases">Your purchases</Link>
        </p>
      ) : null}
      <ul className="tiers">
        {tiers.map((tier) => {
          const code = codes.find((c) => c.tierId === tier.id);
          return (
            <li key={tier.id} className="tier">
              <h2>
                {tier.name} · {tier.priceLabel}
              </h2>
              <p>{tier.summary}</p>
              <p>
                {tier.credits} AI-scored {skillNames(tier.skills)}
                {tier.id === "free" ? " assessments each month" : " assessments"}.
              </p>
              {code ? (
                <figure className="purchase-code">
                  {/* Made on the server by the qrcode package from our own link: no user input. */}
                  <div
                    role="img"
                    aria-label={`QR code: open ${tier.name} in the app`}
                    dangerouslySetInnerHTML={{ __html: code.svg }}
                  />
                  <figcaption>
                    Scan with your phone to buy in the app, or{" "}
                    <a href={code.url}>open it in the app</a> on this device. Your purchase then
                    shows on <Link to="/account/purchases">your account</Link> here.
                  </figcaption>
                </figure>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
