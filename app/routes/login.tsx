import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { LoginRefused, webAuthenticator } from "~/authenticator.server";
import { CsrfInput } from "~/components/csrf-input";
import { EmailField, FormMessage, PasswordField } from "~/components/field";
import { Recaptcha } from "~/components/recaptcha";
import { recaptchaSiteKey } from "~/recaptcha.server";
import { withoutSecrets } from "~/form-state";
import { safeRedirect } from "~/security/safe-redirect";
import { formValues, readForm } from "~/security/form.server";
import { getUser, startSession } from "~/session.server";
import { pageTitle } from "~/route-head";

export const meta = pageTitle("Log in");

const FIELDS = ["email", "password", "redirectTo"] as const;

const NOTICES: Record<string, string> = {
  reset: "Your password has been changed. Log in with the new one.",
  verified: "Your email is confirmed. Log in to continue.",
};

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  if (await getUser(request)) return redirect(safeRedirect(url.searchParams.get("redirectTo")));
  return json({
    siteKey: recaptchaSiteKey(),
    notice: NOTICES[url.searchParams.get("notice") ?? ""] ?? null,
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  // The form strategy reads the body itself, so the CSRF check reads a copy.
  const { form, problem } = await readForm(request.clone());
  const values = formValues(form, FIELDS);
  const fail = (status: number, formError: string | null, fieldErrors = {}) =>
    json(
      {
        values: withoutSecrets(values, ["password"]),
        formError,
        fieldErrors: fieldErrors as Partial<Record<(typeof FIELDS)[number], string>>,
      },
      status,
    );
  if (problem) return fail(403, problem);
  try {
    const user = await webAuthenticator(context).authenticate("form", request);
    return startSession(request, user.userId, safeRedirect(values.redirectTo));
  } catch (refused) {
    if (refused instanceof LoginRefused) {
      return fail(refused.status, refused.formError, refused.fieldErrors);
    }
    throw refused;
  }
}

export default function Login() {
  const { siteKey, notice } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const errors = result?.fieldErrors ?? {};
  return (
    <section>
      <h1>Log in</h1>
      <Form method="post" className="form" noValidate>
        <CsrfInput />
        <FormMessage tone="info" message={result ? null : notice} />
        <FormMessage tone="error" message={result?.formError} />
        <input
          type="hidden"
          name="redirectTo"
          value={result?.values.redirectTo ?? params.get("redirectTo") ?? ""}
        />
        <EmailField defaultValue={result?.values.email} error={errors.email} />
        <PasswordField
          name="password"
          label="Password"
          autoComplete="current-password"
          required
          error={errors.password}
        />
        <Recaptcha siteKey={siteKey} />
        <button type="submit">Log in</button>
        <p>
          <Link to="/forgot-password">Forgot your password?</Link> · New here?{" "}
          <Link to="/join">Create an account</Link>
        </p>
      </Form>
      <h2>Or use the phone app</h2>
      <Form method="post" action="/login/qr" className="form">
        <CsrfInput />
        <input type="hidden" name="intent" value="start" />
        <input
          type="hidden"
          name="redirectTo"
          value={result?.values.redirectTo ?? params.get("redirectTo") ?? ""}
        />
        <p>Signed in on the app? Show a code here and scan it with the app: no password needed.</p>
        <button type="submit">Show a QR code</button>
      </Form>
    </section>
  );
}
