import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { CsrfInput } from "~/components/csrf-input";
import { FormMessage } from "~/components/field";
import { moduleFrom, openMockFor, startMock } from "~/models/objective.server";
import { MOCK_STEPS } from "../../src/assessments/mock-steps";
import { readForm } from "~/security/form.server";
import { requireUser } from "~/permissions.server";
import styles from "~/styles/objective.css";
import { stylesheet, pageTitle } from "~/route-head";

export const links = stylesheet(styles);

export const meta = pageTitle("Mock test");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const module = moduleFrom(request);
  const open = await openMockFor(user.userId, module);
  return json({ module, openId: open?.assessmentId ?? null });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const { problem } = await readForm(request);
  if (problem) return json({ formError: problem }, 403);
  const mock = await startMock(user.userId, moduleFrom(request));
  return redirect(`/mock-tests/${mock.assessmentId}`);
}

export default function NewMockTest() {
  const { module, openId } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <section>
      <h1>Full mock test ({module === "academic" ? "Academic" : "General Training"})</h1>
      <p>
        All four skills in the exam’s order and timings. You can stop after any part and come back:
        your progress is saved.
      </p>
      <ol className="steps">
        {MOCK_STEPS.map((s) => (
          <li key={s.step}>
            {s.name}: {s.minutes}
          </li>
        ))}
      </ol>
      <FormMessage tone="error" message={result?.formError} />
      {openId ? (
        <p>
          <Link to={`/mock-tests/${openId}`} className="button">
            Continue your mock test
          </Link>
        </p>
      ) : null}
      <Form method="post">
        <CsrfInput />
        <button type="submit" className={openId ? "button-secondary" : undefined}>
          Start a new mock test
        </button>
      </Form>
    </section>
  );
}
