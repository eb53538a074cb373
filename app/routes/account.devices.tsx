import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { listDevices, revokeDevice } from "~/models/devices.server";
import { CsrfInput } from "~/components/csrf-input";
import { FormMessage } from "~/components/field";
import { readForm } from "~/security/form.server";
import { requireUser } from "~/permissions.server";

export const meta: MetaFunction = () => [{ title: "Signed-in devices · IELTS AI Prep" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  // A device's id is its token's hash: enough to revoke it here, useless for signing in.
  return json({ devices: await listDevices({ userId: user.userId }) });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const { form, problem } = await readForm(request);
  if (problem) return json({ formError: problem, revoked: false }, 403);
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

export default function Devices() {
  const { devices } = useLoaderData<typeof loader>();
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
    </section>
  );
}
