import type { MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";

export const meta: MetaFunction = () => [{ title: "Account deleted · IELTS AI Prep" }];

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
