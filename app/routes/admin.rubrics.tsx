import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { adminChange } from "~/admin.server";
import { formatTime } from "~/components/admin/format";
import { CsrfInput } from "~/components/csrf-input";
import { FormMessage } from "~/components/field";
import { editRubric, editRubricSchema, listRubric } from "~/models/admin.server";
import { requireRole } from "~/permissions.server";
import { pageTitle } from "~/route-head";

export const meta = pageTitle("Rubrics · Admin");

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireRole(request, "admin");
  return json({ entries: await listRubric(actor) });
}

// Called inside the action for the reason admin.reports.tsx gives.
export function action(args: ActionFunctionArgs) {
  return adminChange(["rubricId", "text"], editRubricSchema, editRubric, (data) =>
    data.intent === "reset"
      ? "The default wording is back: the next answers scored use it."
      : "Saved: the next answers scored by a cloud model use this wording.",
  )(args);
}

export default function Rubrics() {
  const { entries } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  return (
    <section>
      <h1>Rubrics</h1>
      <p>
        What the cloud models are told each criterion rewards. Reword one to match your own marking
        guide; the offline scorer does not read these. Every change is in the audit log.
      </p>
      <FormMessage tone="info" message={reply?.done} />
      {entries.map((entry) => {
        const mine = reply?.values.rubricId === entry.rubricId;
        const id = `rubric-${entry.rubricId.replace(".", "-")}`;
        return (
          <Form method="post" className="form" key={entry.rubricId} aria-labelledby={`${id}-title`}>
            <h2 id={`${id}-title`}>{entry.label}</h2>
            <p className="hint">
              {entry.updatedAt ? `Changed ${formatTime(entry.updatedAt)}.` : "The default wording."}
            </p>
            <CsrfInput />
            <input type="hidden" name="rubricId" value={entry.rubricId} />
            {mine ? <FormMessage tone="error" message={reply?.formError} /> : null}
            <div className="field">
              <label htmlFor={id}>Wording</label>
              <textarea
                id={id}
                name="text"
                rows={4}
                maxLength={800}
                defaultValue={mine && reply?.formError ? reply.values.text : entry.text}
              />
            </div>
            <div className="admin-actions">
              <button type="submit" name="intent" value="save">
                Save
              </button>
              {entry.updatedAt ? (
                <button type="submit" name="intent" value="reset" className="button-secondary">
                  Put the default back
                </button>
              ) : null}
            </div>
          </Form>
        );
      })}
    </section>
  );
}
