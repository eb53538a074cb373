import type { ActionFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { changePassword, changePasswordSchema, validate } from "~/models/accounts.server";
import { AccountForm } from "~/components/account-form";
import { PasswordField } from "~/components/field";
import { withoutSecrets, type FormState } from "~/form-state";
import { formValues, readForm } from "~/security/form.server";
import { requireUser, signedInFormLoader } from "~/permissions.server";
import { rawSessionId } from "~/session.server";
import { pageTitle } from "~/route-head";

export const meta = pageTitle("Change password");

const FIELDS = ["current", "next"] as const;
type Field = (typeof FIELDS)[number];

export const loader = signedInFormLoader;

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const { form, problem } = await readForm(request);
  const values = formValues(form, FIELDS);
  const fail = (
    status: number,
    formError: string | null,
    fieldErrors: Partial<Record<Field, string>> = {},
  ) =>
    json<FormState<Field> & { changed: boolean }>(
      {
        values: withoutSecrets(values, ["current", "next"]),
        formError,
        fieldErrors,
        changed: false,
      },
      status,
    );
  if (problem) return fail(403, problem);
  const parsed = validate(changePasswordSchema, values);
  if (!parsed.ok) return fail(400, null, parsed.fieldErrors);
  const result = await changePassword({
    userId: user.userId,
    current: parsed.data.current,
    next: parsed.data.next,
    keepSessionRawId: (await rawSessionId(request)) ?? undefined,
  });
  if (!result.ok) {
    switch (result.reason) {
      case "invalid-password":
        return fail(400, null, { next: result.message });
      case "throttled":
        return fail(
          429,
          `Too many wrong passwords. Try again in ${result.retryAfterMinutes} minute${result.retryAfterMinutes === 1 ? "" : "s"}.`,
        );
      case "wrong-password":
        return fail(400, null, { current: "That is not your current password." });
    }
  }
  return json<FormState<Field> & { changed: boolean }>({
    values: { current: "", next: "" },
    formError: null,
    fieldErrors: {},
    changed: true,
  });
}

export default function ChangePassword() {
  const result = useActionData<typeof action>();
  const errors = result?.fieldErrors ?? {};
  return (
    <AccountForm
      heading="Change your password"
      info={result?.changed ? "Password changed. You were signed out everywhere else." : null}
      error={result?.formError}
    >
      <PasswordField
        name="current"
        label="Current password"
        autoComplete="current-password"
        error={errors.current}
      />
      <PasswordField
        name="next"
        label="New password"
        autoComplete="new-password"
        hint="At least 8 characters."
        error={errors.next}
      />
      <button type="submit">Change password</button>
    </AccountForm>
  );
}
