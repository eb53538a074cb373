import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { QrNotSignedIn, readQrLoginCookie, webAuthenticator } from "~/authenticator.server";
import { CsrfInput } from "~/components/csrf-input";
import { FormMessage } from "~/components/field";
import { QrWaiting } from "~/components/qr-code";
import { cancelQr, startWebLogin } from "~/models/qr-login.server";
import { qrPayload, qrSvg } from "~/qr.server";
import { clientIp } from "~/recaptcha.server";
import { safeRedirect } from "~/security/safe-redirect";
import { readForm } from "~/security/form.server";
import { qrLoginCookie } from "~/security/cookies.server";
import { getUser, startSession } from "~/session.server";
import { pageTitle } from "~/route-head";

export const meta = pageTitle("Log in with the app");

const here = (redirectTo: string | null) =>
  redirectTo ? `/login/qr?${new URLSearchParams({ redirectTo })}` : "/login/qr";

/**
 * The browser's side of the QR web login. Each load asks whether the app has approved the code;
 * the first load after an approval signs this browser in with a fresh session id.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const redirectTo = new URL(request.url).searchParams.get("redirectTo");
  if (await getUser(request)) return redirect(safeRedirect(redirectTo));
  try {
    const user = await webAuthenticator(context).authenticate("qr", request);
    const response = await startSession(request, user.userId, safeRedirect(redirectTo));
    response.headers.append("Set-Cookie", await qrLoginCookie.serialize("", { maxAge: 0 }));
    return response;
  } catch (thrown) {
    if (!(thrown instanceof QrNotSignedIn)) throw thrown;
    const { state } = thrown;
    if (state.state !== "waiting") return json({ state: state.state, redirectTo });
    const held = await readQrLoginCookie(request);
    const svg = await qrSvg(qrPayload("web-login", held?.token ?? ""));
    return json({ state: state.state, redirectTo, svg, expiresAt: state.expiresAt });
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { form, problem } = await readForm(request);
  const sent = form.get("redirectTo");
  const redirectTo =
    (typeof sent === "string" ? sent : null) || new URL(request.url).searchParams.get("redirectTo");
  if (problem) return json({ formError: problem }, 403);
  if (form.get("intent") === "cancel-qr") {
    const held = await readQrLoginCookie(request);
    if (held) await cancelQr(held);
    return redirect(here(redirectTo));
  }
  const started = await startWebLogin({
    ip: clientIp(context),
    userAgent: request.headers.get("User-Agent") ?? "",
  });
  if (!started.ok) {
    const minutes = started.retryAfterMinutes;
    return json(
      {
        formError: `Too many codes asked for from this network. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}, or log in with your password.`,
      },
      429,
    );
  }
  return redirect(here(redirectTo), {
    headers: {
      "Set-Cookie": await qrLoginCookie.serialize(`${started.token}.${started.binding}`),
    },
  });
}

const MESSAGES = {
  none: "Show a code here, then scan it with the app you are signed in to.",
  expired: "This code has expired (codes last 5 minutes). Get a new one to try again.",
  cancelled: "You cancelled this code: it can no longer sign anybody in.",
  unknown: "This code can no longer sign you in. Get a new one to try again.",
} as const;

export default function LoginWithQr() {
  const data = useLoaderData<typeof loader>();
  const formError = useActionData<typeof action>()?.formError ?? null;
  return (
    <section>
      <h1>Log in with the app</h1>
      <FormMessage tone="error" message={formError} />
      {"svg" in data ? (
        <>
          <p>
            In the app, choose <strong>Scan a code</strong>, scan this code and approve. The app
            names this browser and the time before you approve.
          </p>
          <QrWaiting
            svg={data.svg}
            label="QR code to log in with the app"
            expiresAt={data.expiresAt}
            cancelAction={here(data.redirectTo)}
          />
        </>
      ) : (
        <>
          <FormMessage
            tone={data.state === "none" ? "info" : "error"}
            message={MESSAGES[data.state as keyof typeof MESSAGES]}
          />
          <Form method="post" action={here(data.redirectTo)}>
            <CsrfInput />
            <input type="hidden" name="intent" value="start" />
            <input type="hidden" name="redirectTo" value={data.redirectTo ?? ""} />
            <button type="submit">
              {data.state === "none" ? "Show a QR code" : "Get a new code"}
            </button>
          </Form>
        </>
      )}
      <p>
        <Link
          to={
            data.redirectTo
              ? `/login?${new URLSearchParams({ redirectTo: data.redirectTo })}`
              : "/login"
          }
        >
          Log in with your password instead
        </Link>
      </p>
    </section>
  );
}
