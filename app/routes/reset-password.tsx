import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { withoutSecrets } from "~/form-state";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { resetPassword, resetSchema, validate } from "~/models/accounts.server";
import { AccountForm } from "~/components/account-form";
import { PasswordField } from "~/components/field";
import { formValues, readForm } from "~/security/form.server";

export const meta: MetaFunction = () => [
  { title: "Choose a new password · IELTS AI Prep" },
  { name: "referrer", content: "same-origin" },
];

const FIELDS = ["token", "password"] as const;

export function loader({ request }: LoaderFunctionArgs) {
  return json({ token: new URL(request.url).searchParams.get("token") ?? "" });
}

export async function action({ request }: ActionFunctionArgs) {
  const { form, problem } = await readForm(request);
  const values = formValues(form, FIELDS);
  const fail = (
    status: number,
    formError: string | null,
    fieldErrors: { password?: string } = {},
  ) => json({ values: withoutSecrets(values, ["password"]), formError, fieldErrors }, status);
  if (problem) return fail(403, problem);
  const parsed = validate(resetSchema, values);
  if (!parsed.ok) return fail(400, null, parsed.fieldErrors);
  const result = await resetPassword(parsed.data);
  // A password the rules refuse leaves the link working: say what to change, not that it expired.
  if (!result.ok && result.reason === "invalid-password") {
    return fail(400, null, { password: result.message });
  }
  if (!result.ok) {
    return fail(
      400,
      "This link has expired or has already been used. Ask for a new one from “Forgot your password?”.",
    );
  }
  return redirect("/login?notice=reset");
}

export default function ResetPassword() {
  const { token } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  if (!token && !result) {
    return (
      <section>
        <h1>Link incomplete</h1>
        <p>
          This reset link is missing its code. Open the link from your email again, or{" "}
          <Link to="/forgot-password">ask for a new one</Link>.
        </p>
      </section>
    );
  }
  return (
    <AccountForm heading="Choose a new password" error={result?.formError}>
      <input type="hidden" name="token" value={result?.values.token ?? token} />
      <PasswordField
        name="password"
        label="New password"
        autoComplete="new-password"
        hint="At least 8 characters. Signing in elsewhere will be ended."
        required
        minLength={8}
        error={result?.fieldErrors.password}
      />
      <button type="submit">Save new password</button>
    </AccountForm>
  );
}
