import { Link } from "@remix-run/react";
import { pageTitle } from "~/route-head";

export const meta = pageTitle("Account deleted");

export default function AccountDeleted() {
  return (
    <section>
      <h1>Your account is deleted</h1>
      <p>Everything in it is erased, including your recordings, and every device is signed out.</p>
      <p>
        <Link to="/">Go to the home page</Link>
      </p>
    </section>
  );
}
