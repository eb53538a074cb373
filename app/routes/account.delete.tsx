import type { ActionFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData } from "@remix-run/react";
import { AccountForm } from "~/components/account-form";
import { PasswordField } from "~/components/field";
import { validate } from "~/models/accounts.server";
import { deleteAccount, deleteAccountSchema, getAudioStore } from "~/models/privacy.server";
import { requireUser, signedInFormLoader } from "~/permissions.server";
import { readForm } from "~/security/form.server";
import { sessionCookie } from "~/security/cookies.server";
import { pageTitle } from "~/route-head";

export const meta = pageTitle("Delete your account");

type Reply = { formError: string | null; passwordError?: string };

export const loader = signedInFormLoader;

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const { form, problem } = await readForm(request);
  if (problem) return json<Reply>({ formError: problem }, 403);
  const parsed = validate(deleteAccountSchema, { password: form.get("password") ?? "" });
  if (!parsed.ok) {
    return json<Reply>({ formError: null, passwordError: parsed.fieldErrors.password }, 400);
  }
  const result = await deleteAccount({ userId: user.userId }, parsed.data, {
    store: getAudioStore(),
  });
  if (!result.ok) {
    return result.reason === "throttled"
      ? json<Reply>(
          {
            formError: `Too many wrong passwords. Try again in ${result.retryAfterMinutes} minute${result.retryAfterMinutes === 1 ? "" : "s"}.`,
          },
          429,
        )
      : json<Reply>({ formError: null, passwordError: "That is not your password." }, 400);
  }
  // The session row is gone with the account, so this page (signed-in only) cannot show the
  // outcome: a page anyone may see does, and the cookie goes too.
  return redirect("/account/deleted", {
    headers: { "Set-Cookie": await sessionCookie.serialize("", { maxAge: 0 }) },
  });
}

export default function DeleteAccount() {
  const result = useActionData<typeof action>();
  return (
    <AccountForm
      heading="Delete your account"
      intro={
        <p>
          This erases your account, every assessment and draft, your recordings, reports and consent
          answers, and signs you out on every device. It cannot be undone.{" "}
          <Link to="/account">Download your data</Link> first if you want to keep it.
        </p>
      }
      error={result?.formError}
    >
      <PasswordField
        name="password"
        label="Your password"
        autoComplete="current-password"
        error={result?.passwordError}
      />
      <button type="submit" className="button-danger">
        Delete my account
      </button>
    </AccountForm>
  );
}
