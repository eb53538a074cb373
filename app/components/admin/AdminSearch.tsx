import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { FormMessage } from "~/components/field";

/** An admin page that finds by one field: its heading, the search form, then what it found. */
export function AdminSearch({
  heading,
  field,
  label,
  type,
  value,
  message,
  children,
}: {
  heading: string;
  /** The query parameter the page's loader reads. */
  field: string;
  label: string;
  type?: "search";
  value: string;
  message: string | null;
  children: ReactNode;
}) {
  const id = `${heading.toLowerCase().replace(/s$/, "")}-${field}`;
  return (
    <section>
      <h1>{heading}</h1>
      <Form method="get" className="form">
        <div className="field">
          <label htmlFor={id}>{label}</label>
          <input id={id} name={field} type={type} defaultValue={value} required />
        </div>
        <FormMessage tone="error" message={message} />
        <button type="submit">Find</button>
      </Form>
      {children}
    </section>
  );
}
