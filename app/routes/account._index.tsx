import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { CsrfInput } from "~/components/csrf-input";
import { FormMessage } from "~/components/field";
import {
  answerCloudAudioConsent,
  cloudAudioConsent,
  consentAnswerSchema,
} from "~/models/privacy.server";
import { requireUser } from "~/permissions.server";
import { readForm } from "~/security/form.server";
import { pageTitle } from "~/route-head";

export const meta = pageTitle("Your account");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return json({ email: user.email, consent: await cloudAudioConsent({ userId: user.userId }) });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const { form, problem } = await readForm(request);
  if (problem) return json({ formError: problem, message: null }, 403);
  const parsed = consentAnswerSchema.safeParse({ decision: form.get("decision") });
  if (!parsed.success) {
    return json(
      { formError: "Choose whether you agree, then send the form again.", message: null },
      400,
    );
  }
  await answerCloudAudioConsent({ userId: user.userId }, parsed.data);
  return json({
    formError: null,
    message:
      parsed.data.decision === "given"
        ? "Thank you: your recordings may now be scored by the cloud model."
        : "Consent withdrawn: your recordings will not be sent to a cloud model.",
  });
}

const when = (iso: string) =>
  new Date(iso).toLocaleString("en-GB", {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "UTC",
  });

export default function Account() {
  const { email, consent } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <section>
      <h1>Your account</h1>
      <p>Signed in as {email}.</p>
      <ul>
        <li>
          <Link to="/account/password">Change your password</Link>
        </li>
        <li>
          <Link to="/account/devices">Signed-in devices</Link>
        </li>
        <li>
          <Link to="/privacy">What we store, and for how long</Link>
        </li>
      </ul>

      <h2>Speaking recordings and the cloud model</h2>
      <FormMessage tone="error" message={result?.formError} />
      <FormMessage tone="info" message={result?.message} />
      <p>
        {consent.given
          ? `You agreed on ${when(consent.givenAt)} UTC (notice version ${consent.policyVersion}) that your Speaking recordings may be sent to Google Gemini to be scored.`
          : "You have not agreed to your Speaking recordings being sent to a cloud model, so they are not sent: parts you only recorded are not scored, typed parts are scored from the text."}
      </p>
      <Form method="post">
        <CsrfInput />
        {consent.given ? (
          <button type="submit" name="decision" value="withdrawn" className="button-secondary">
            Withdraw consent
          </button>
        ) : (
          <button type="submit" name="decision" value="given">
            I agree: send my recordings to Google Gemini for scoring
          </button>
        )}
      </Form>

      <h2>Your data</h2>
      <p>
        Everything we hold about you, as one zip file: your data as JSON (account, sign-ins and
        devices, assessments and drafts, reports, safety records, consent answers) and your
        recordings.
      </p>
      <Form method="post" action="/account/export" reloadDocument>
        <CsrfInput />
        <button type="submit">Download my data</button>
      </Form>

      <h2>Delete your account</h2>
      <p>
        <Link to="/account/delete">Delete your account and everything in it</Link>
      </p>
    </section>
  );
}
