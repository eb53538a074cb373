import { Link } from "@remix-run/react";
import { FormMessage } from "~/components/field";

/** What join and forgot-password show after sending a link: the same whether or not the
 * address has an account, so the page reveals nothing. */
export function CheckEmail({ message }: { message: string }) {
  return (
    <section>
      <h1>Check your email</h1>
      <FormMessage tone="info" message={message} />
      <p>
        <Link to="/login">Back to log in</Link>
      </p>
    </section>
  );
}
