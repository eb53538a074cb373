import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { CsrfInput } from "~/components/csrf-input";
import { FormMessage } from "~/components/field";

/** A page that is one account form: its heading, what to know first, then the form and its messages. */
export function AccountForm({
  heading,
  intro,
  info,
  error,
  children,
}: {
  heading: string;
  intro?: ReactNode;
  info?: string | null;
  error: string | null | undefined;
  children: ReactNode;
}) {
  return (
    <section>
      <h1>{heading}</h1>
      {intro}
      <Form method="post" className="form" noValidate>
        <CsrfInput />
        <FormMessage tone="info" message={info} />
        <FormMessage tone="error" message={error} />
        {children}
      </Form>
    </section>
  );
}
