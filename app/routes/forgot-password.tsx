import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { forgotPasswordSchema, requestPasswordReset, validate } from "~/models/accounts.server";
import { AccountForm } from "~/components/account-form";
import { EmailField } from "~/components/field";
import { Recaptcha } from "~/components/recaptcha";
import { publicBaseUrl } from "~/config.server";
import { checkRecaptcha, clientIp, RECAPTCHA_FAILED, recaptchaSiteKey } from "~/recaptcha.server";
import { CheckEmail } from "~/components/check-email";
import type { FormState } from "~/form-state";
import { formValues, readForm } from "~/security/form.server";
import { pageTitle } from "~/route-head";

export const meta = pageTitle("Reset your password");

export function loader(_: LoaderFunctionArgs) {
  return json({ siteKey: recaptchaSiteKey() });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { form, problem } = await readForm(request);
  const values = formValues(form, ["email"] as const);
  const fail = (status: number, formError: string | null, fieldErrors: { email?: string } = {}) =>
    json<FormState<"email"> & { sent: boolean }>(
      { values, formError, fieldErrors, sent: false },
      status,
    );
  if (problem) return fail(403, problem);
  const parsed = validate(forgotPasswordSchema, values);
  if (!parsed.ok) return fail(400, null, parsed.fieldErrors);
  if (!(await checkRecaptcha(form, context))) {
    return fail(400, RECAPTCHA_FAILED);
  }
  await requestPasswordReset({
    email: parsed.data.email,
    baseUrl: publicBaseUrl(),
    ip: clientIp(context),
  });
  return json<FormState<"email"> & { sent: boolean }>({
    values,
    formError: null,
    fieldErrors: {},
    sent: true,
  });
}

export default function ForgotPassword() {
  const { siteKey } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  if (result?.sent)
    return (
      <CheckEmail
        message={`If an account uses ${result.values.email}, we have sent it a link to choose a new password. The link works once, for 30 minutes.`}
      />
    );
  return (
    <AccountForm heading="Reset your password" error={result?.formError}>
      <EmailField defaultValue={result?.values.email} error={result?.fieldErrors.email} />
      <Recaptcha siteKey={siteKey} />
      <button type="submit">Send me a reset link</button>
    </AccountForm>
  );
}
