import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { CsrfInput } from "~/components/csrf-input";
import { FormMessage } from "~/components/field";

/**
 * What a timed paper is before its clock starts, and the Start button that starts it. The
 * button posts: opening the page (or following a link to it) starts nothing.
 */
export function PaperIntro(props: {
  heading: string;
  minutes: number;
  children: ReactNode;
  formError?: string | null;
  /** Choices sent with Start. */
  options?: ReactNode;
}) {
  return (
    <section className="paper-intro" aria-labelledby="intro-heading">
      <h1 id="intro-heading">{props.heading}</h1>
      {props.children}
      <p>
        You have <strong>{props.minutes} minutes</strong>. The clock starts when you press Start and
        keeps running if you leave the page; your answers are kept.
      </p>
      <FormMessage tone="error" message={props.formError ?? null} />
      <Form method="post">
        <CsrfInput />
        {props.options}
        <button type="submit" name="intent" value="start">
          Start
        </button>
      </Form>
    </section>
  );
}
