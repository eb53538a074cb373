import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { joinSchema, register, validate } from "~/models/accounts.server";
import { checkRecaptcha, clientIp, RECAPTCHA_FAILED, recaptchaSiteKey } from "~/recaptcha.server";
import { CheckEmail } from "~/components/check-email";
import { withoutSecrets, type FormState } from "~/form-state";
import { AccountForm } from "~/components/account-form";
import { EmailField, PasswordField } from "~/components/field";
import { Recaptcha } from "~/components/recaptcha";
import { publicBaseUrl } from "~/config.server";
import { formValues, readForm } from "~/security/form.server";
import { getUser } from "~/session.server";
import { pageTitle } from "~/route-head";

export const meta = pageTitle("Join");

const FIELDS = ["email", "password"] as const;
type Field = (typeof FIELDS)[number];

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getUser(request)) return redirect("/dashboard");
  return json({ siteKey: recaptchaSiteKey() });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { form, problem } = await readForm(request);
  const values = formValues(form, FIELDS);
  const reply = (status: number, formError: string | null, fieldErrors = {}, sent = false) =>
    json<FormState<Field> & { sent: boolean }>(
      { values: withoutSecrets(values, ["password"]), formError, fieldErrors, sent },
      status,
    );
  if (problem) return reply(403, problem);
  const parsed = validate(joinSchema, values);
  if (!parsed.ok) return reply(400, null, parsed.fieldErrors);
  if (!(await checkRecaptcha(form, context))) return reply(400, RECAPTCHA_FAILED);
  await register({ ...parsed.data, baseUrl: publicBaseUrl(), ip: clientIp(context) });
  return reply(200, null, {}, true);
}

export default function Join() {
  const { siteKey } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  if (result?.sent) {
    return (
      <CheckEmail
        message={`We have sent a link to ${result.values.email}. Open it within 60 minutes to confirm your address and sign in.`}
      />
    );
  }
  const errors = result?.fieldErrors ?? {};
  return (
    <AccountForm heading="Create your account" error={result?.formError}>
      <EmailField defaultValue={result?.values.email} error={errors.email} />
      <PasswordField
        name="password"
        label="Password"
        autoComplete="new-password"
        hint="At least 8 characters. A short phrase is easier to remember and harder to guess."
        required
        minLength={8}
        error={errors.password}
      />
      <Recaptcha siteKey={siteKey} />
      <button type="submit">Create account</button>
      <p>
        Have an account? <Link to="/login">Log in</Link>
      </p>
    </AccountForm>
  );
}
