import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { listDevices, revokeDevice } from "~/models/devices.server";
import { appSignInState, cancelQr, startAppSignIn } from "~/models/qr-login.server";
import { CsrfInput } from "~/components/csrf-input";
import { FormMessage } from "~/components/field";
import { QrWaiting } from "~/components/qr-code";
import { qrPayload, qrSvg } from "~/qr.server";
import { clientIp } from "~/recaptcha.server";
import { qrAppCookie } from "~/security/cookies.server";
import { readForm } from "~/security/form.server";
import { requireUser } from "~/permissions.server";
import { rawSessionId } from "~/session.server";
import { pageTitle } from "~/route-head";

export const meta = pageTitle("Signed-in devices");

/** The code this page showed for the app to scan, and where it stands. */
async function shownCode(request: Request) {
  const token: unknown = await qrAppCookie.parse(request.headers.get("Cookie"));
  const sessionSecret = await rawSessionId(request);
  if (typeof token !== "string" || !sessionSecret) return null;
  const found = await appSignInState({ token, sessionSecret });
  if (found.state !== "waiting") return found;
  return { ...found, svg: await qrSvg(qrPayload("app-sign-in", token)) };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  // A device's id is its token's hash: enough to revoke it here, useless for signing in.
  return json({
    devices: await listDevices({ userId: user.userId }),
    qr: await shownCode(request),
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const { form, problem } = await readForm(request);
  if (problem) return json({ formError: problem, revoked: false }, 403);
  const sessionSecret = (await rawSessionId(request)) ?? "";
  if (form.get("intent") === "show-qr") {
    const started = await startAppSignIn({
      user,
      sessionSecret,
      ip: clientIp(context),
      userAgent: request.headers.get("User-Agent") ?? "",
    });
    if (!started.ok) {
      const minutes = started.retryAfterMinutes;
      return json(
        {
          formError: `Too many codes asked for from this network. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
          revoked: false,
        },
        429,
      );
    }
    return redirect("/account/devices", {
      headers: { "Set-Cookie": await qrAppCookie.serialize(started.token) },
    });
  }
  if (form.get("intent") === "cancel-qr") {
    const token: unknown = await qrAppCookie.parse(request.headers.get("Cookie"));
    if (typeof token === "string") await cancelQr({ token, binding: sessionSecret });
    return redirect("/account/devices");
  }
  const deviceId = form.get("deviceId");
  const result = await revokeDevice({
    userId: user.userId,
    deviceId: typeof deviceId === "string" ? deviceId : "",
  });
  // Already gone (signed out in the app, or expired) is what the student wanted anyway.
  return json({ formError: null, revoked: result.ok });
}

const when = (iso: string) =>
  new Date(iso).toLocaleString("en-GB", {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "UTC",
  });

function qrMessage(qr: { state: string; deviceName?: string }): string {
  if (qr.state === "signed-in") return `Done: “${qr.deviceName}” is signed in to the app.`;
  if (qr.state === "expired") return "That code has expired (codes last 5 minutes).";
  if (qr.state === "cancelled")
    return "You cancelled that code: it can no longer sign anything in.";
  return "That code can no longer be used.";
}

export default function Devices() {
  const { devices, qr } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <section>
      <h1>Signed-in devices</h1>
      <FormMessage tone="error" message={result?.formError} />
      <FormMessage
        tone="info"
        message={
          result?.revoked ? "Signed out: the app on that device has to sign in again." : null
        }
      />
      {devices.length === 0 ? (
        <p>The mobile app is not signed in on any device.</p>
      ) : (
        <ul className="devices">
          {devices.map((device) => (
            <li key={device.deviceId}>
              <strong>{device.name}</strong> ({device.userAgent || "unknown app"}) · signed in{" "}
              {when(device.createdAt)} UTC · last used {when(device.lastUsedAt)} UTC
              <Form method="post">
                <CsrfInput />
                <input type="hidden" name="deviceId" value={device.deviceId} />
                <button type="submit">Revoke</button>
              </Form>
            </li>
          ))}
        </ul>
      )}
      <h2>Sign in the app with a QR code</h2>
      {qr && "svg" in qr ? (
        <>
          <p>
            In the app, choose <strong>Sign in with a code</strong> and scan this code. It signs the
            app in to this account, once.
          </p>
          <QrWaiting
            svg={qr.svg}
            label="QR code to sign in the app"
            expiresAt={qr.expiresAt}
            cancelAction="/account/devices"
          />
        </>
      ) : (
        <>
          <FormMessage tone="info" message={qr ? qrMessage(qr) : null} />
          <Form method="post">
            <CsrfInput />
            <input type="hidden" name="intent" value="show-qr" />
            <button type="submit">{qr ? "Show a new code" : "Show a QR code"}</button>
          </Form>
        </>
      )}
    </section>
  );
}
