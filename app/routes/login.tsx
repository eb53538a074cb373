import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { authenticate, DISABLED_MESSAGE, loginSchema, validate } from "~/models/accounts.server";
import { CsrfInput } from "~/components/csrf-input";
import { Field, FormMessage } from "~/components/field";
import { Recaptcha } from "~/components/recaptcha";
import { checkRecaptcha, clientIp, RECAPTCHA_FAILED, recaptchaSiteKey } from "~/recaptcha.server";
import { publicBaseUrl } from "~/config.server";
import { withoutSecrets } from "~/form-state";
import { safeRedirect } from "~/security/safe-redirect";
import { formValues, readForm } from "~/security/form.server";
import { getUser, startSession } from "~/session.server";

export const meta: MetaFunction = () => [{ title: "Log in · IELTS AI Prep" }];

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
  const { form, problem } = await readForm(request);
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
  const parsed = validate(loginSchema, values);
  if (!parsed.ok) return fail(400, null, parsed.fieldErrors);
  if (!(await checkRecaptcha(form, context))) {
    return fail(400, RECAPTCHA_FAILED);
  }
  const result = await authenticate({
    email: parsed.data.email,
    password: parsed.data.password,
    ip: clientIp(context),
    baseUrl: publicBaseUrl(),
  });
  if (result.ok) return startSession(request, result.user.userId, safeRedirect(values.redirectTo));
  if (result.reason === "throttled") {
    const minutes = result.retryAfterMinutes;
    return fail(
      429,
      `Too many failed attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}, or reset your password.`,
    );
  }
  if (result.reason === "unverified") {
    return fail(403, "Confirm your email address first: we have sent you a new link.");
  }
  if (result.reason === "disabled") {
    return fail(403, DISABLED_MESSAGE);
  }
  return fail(400, "That email and password do not match an account.");
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
        <Field
          name="email"
          label="Email"
          type="email"
          autoComplete="email"
          required
          defaultValue={result?.values.email}
          error={errors.email}
        />
        <Field
          name="password"
          label="Password"
          type="password"
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
    </section>
  );
}
