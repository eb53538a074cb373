import { Form } from "@remix-run/react";
import { CsrfInput } from "~/components/csrf-input";

/**
 * An accidental or abandoned attempt (a stray tap on Submit) need not drag the progress
 * averages down: the student can take it out. The result itself stays viewable by its link.
 */
export function RemoveFromProgress(props: { discardedAt: string | null }) {
  return (
    <section aria-labelledby="remove-heading" className="remove">
      <h2 id="remove-heading">Progress</h2>
      {props.discardedAt ? (
        <p role="status">
          Removed from your progress: it no longer counts in your bands, charts or averages.
        </p>
      ) : (
        <Form method="post">
          <CsrfInput />
          <p className="hint">
            Submitted by mistake? Remove it so that it does not count in your progress.
          </p>
          <button type="submit" name="intent" value="discard" className="button-secondary">
            Remove from progress
          </button>
        </Form>
      )}
    </section>
  );
}
