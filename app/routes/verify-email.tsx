import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { verifyEmail } from "~/models/accounts.server";
import { CsrfInput } from "~/components/csrf-input";
import { FormMessage } from "~/components/field";
import { formValues, readForm } from "~/security/form.server";
import { startSession } from "~/session.server";

export const meta: MetaFunction = () => [
  { title: "Confirm your email · IELTS AI Prep" },
  { name: "referrer", content: "same-origin" },
];

// Confirming takes a POST: mail scanners that fetch every link in a message would otherwise
// use up the single-use token before the student clicks it.
export function loader({ request }: LoaderFunctionArgs) {
  return json({ token: new URL(request.url).searchParams.get("token") ?? "" });
}

export async function action({ request }: ActionFunctionArgs) {
  const { form, problem } = await readForm(request);
  const { token } = formValues(form, ["token"] as const);
  if (problem) return json({ token, formError: problem }, 403);
  const result = await verifyEmail({ token });
  if (!result.ok) {
    return json(
      {
        token,
        formError:
          "This link has expired or has already been used. Log in and we will send you a new one.",
      },
      400,
    );
  }
  return startSession(request, result.userId, "/dashboard");
}

export default function VerifyEmail() {
  const { token } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <section>
      <h1>Confirm your email</h1>
      <Form method="post" className="form">
        <CsrfInput />
        <FormMessage tone="error" message={result?.formError} />
        <input type="hidden" name="token" value={result?.token ?? token} />
        <button type="submit">Confirm my email and sign in</button>
        <p>
          <Link to="/login">Back to log in</Link>
        </p>
      </Form>
    </section>
  );
}
