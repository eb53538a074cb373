import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { adminForm, doneReply } from "~/admin.server";
import { AssessmentLinks } from "~/components/admin/AssessmentLinks";
import { AuditTable } from "~/components/admin/AuditTable";
import { formatTime } from "~/components/admin/format";
import { CsrfInput } from "~/components/csrf-input";
import { FormMessage } from "~/components/field";
import { publicBaseUrl } from "~/config.server";
import {
  changeTier,
  changeTierSchema,
  disableUser,
  enableUser,
  grantAdmin,
  removeAdminRole,
  resendVerification,
  revokeSessions,
  userActionSchema,
  userDetail,
} from "~/models/admin.server";
import { requireRole } from "~/permissions.server";
import { pageTitle } from "~/route-head";

export const meta = pageTitle("User · Admin");

const notFound = () => json({ message: "Not found" }, { status: 404 });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireRole(request, "admin");
  const id = userActionSchema.shape.userId.safeParse(params.userId);
  const detail = id.success ? await userDetail(actor, id.data) : null;
  if (!detail) throw notFound();
  return json({ ...detail, self: actor.userId === detail.user.userId });
}

const ACTIONS = {
  disable: [disableUser, "Disabled: the account's sessions and app tokens have ended."],
  enable: [enableUser, "Enabled: the student can sign in again."],
  revoke: [revokeSessions, "Signed out everywhere: every session and app token has ended."],
  "grant-admin": [grantAdmin, "This user is now an admin."],
  "remove-admin": [removeAdminRole, "This user is no longer an admin."],
} as const;

export async function action({ request, params }: ActionFunctionArgs) {
  const read = await adminForm(request, ["reason", "tierId"], (intent) =>
    intent === "change-tier"
      ? changeTierSchema.pick({ reason: true, tierId: true })
      : userActionSchema.pick({ reason: true }),
  );
  if ("refused" in read) return read.refused;
  const { actor, intent, fail } = read;
  const input = { ...read.data, userId: params.userId ?? "" };
  if (!userActionSchema.shape.userId.safeParse(input.userId).success) throw notFound();
  if (intent === "change-tier") {
    const granted = await changeTier(actor, changeTierSchema.parse(input));
    return granted.ok
      ? doneReply("The pack is added to the student's credits.")
      : fail(409, granted.message);
  }
  const result =
    intent === "resend"
      ? await resendVerification(actor, { ...input, baseUrl: publicBaseUrl() })
      : intent in ACTIONS
        ? await ACTIONS[intent as keyof typeof ACTIONS][0](actor, input)
        : { ok: false as const, message: "Choose one of the actions." };
  if (!result.ok) return fail(409, result.message);
  return doneReply(
    intent === "resend"
      ? "A new confirmation link is on its way."
      : ACTIONS[intent as keyof typeof ACTIONS][1],
  );
}

function ActionForm(props: { intent: string; label: string; reason?: string }) {
  const id = `reason-${props.intent}`;
  return (
    <Form method="post">
      <CsrfInput />
      <div className="field">
        <label htmlFor={id}>Reason ({props.label.toLowerCase()})</label>
        <input
          id={id}
          name="reason"
          required
          minLength={3}
          maxLength={500}
          defaultValue={props.reason}
        />
      </div>
      <button type="submit" name="intent" value={props.intent}>
        {props.label}
      </button>
    </Form>
  );
}

export default function AdminUser() {
  const { user, sessions, devices, assessments, history, entitlements, self } =
    useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const typed = reply?.values.intent ? reply.values.reason : undefined;
  const reason = (intent: string) => (reply?.values.intent === intent ? typed : undefined);
  return (
    <section>
      <h1>{user.email}</h1>
      <FormMessage tone="error" message={reply?.formError} />
      <FormMessage tone="info" message={reply?.done} />
      <dl>
        <dt>Role</dt>
        <dd>{user.role}</dd>
        <dt>State</dt>
        <dd>
          {user.disabledAt ? `Disabled since ${formatTime(user.disabledAt)}` : "Active"}
          {user.emailVerified ? " · email confirmed" : " · email not confirmed"}
        </dd>
        <dt>Joined</dt>
        <dd>{formatTime(user.createdAt)}</dd>
        <dt>Cloud-scored assessments left</dt>
        <dd>
          {`Writing ${entitlements.remaining.writing} · Speaking ${entitlements.remaining.speaking}`}
          {entitlements.buckets.length > 0
            ? ` (from ${entitlements.buckets.map((b) => `${b.tierId} ${b.remaining}/${b.granted}`).join(", ")})`
            : ""}
        </dd>
      </dl>

      <h2>Actions</h2>
      <div className="admin-actions">
        {self ? null : user.disabledAt ? (
          <ActionForm intent="enable" label="Enable" reason={reason("enable")} />
        ) : (
          <ActionForm intent="disable" label="Disable" reason={reason("disable")} />
        )}
        <ActionForm intent="revoke" label="Revoke sessions" reason={reason("revoke")} />
        {user.emailVerified ? null : (
          <ActionForm intent="resend" label="Resend verification" reason={reason("resend")} />
        )}
        <Form method="post">
          <CsrfInput />
          <div className="field">
            <label htmlFor="tier">Pack to give</label>
            <select id="tier" name="tierId" defaultValue={reply?.values.tierId ?? "writing"}>
              <option value="writing">Writing pack</option>
              <option value="speaking">Speaking pack</option>
              <option value="full">Full</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor="reason-change-tier">Reason (change tier)</label>
            <input
              id="reason-change-tier"
              name="reason"
              required
              minLength={3}
              maxLength={500}
              defaultValue={reason("change-tier")}
            />
          </div>
          <button type="submit" name="intent" value="change-tier">
            Give pack
          </button>
        </Form>
        {user.role === "admin" ? (
          <ActionForm intent="remove-admin" label="Remove admin" reason={reason("remove-admin")} />
        ) : (
          <ActionForm intent="grant-admin" label="Make admin" reason={reason("grant-admin")} />
        )}
      </div>

      <h2>Sessions ({sessions.length})</h2>
      {sessions.length === 0 ? (
        <p>No browser is signed in.</p>
      ) : (
        <ul>
          {sessions.map((s) => (
            <li key={s.createdAt}>
              Signed in {formatTime(s.createdAt)} · last seen {formatTime(s.lastSeenAt)}
            </li>
          ))}
        </ul>
      )}

      <h2>Devices ({devices.length})</h2>
      {devices.length === 0 ? (
        <p>The mobile app is not signed in anywhere.</p>
      ) : (
        <ul>
          {devices.map((d) => (
            <li key={d.deviceId}>
              {d.name} ({d.userAgent || "unknown app"}) · last used {formatTime(d.lastUsedAt)}
            </li>
          ))}
        </ul>
      )}

      <h2>Assessments ({assessments.length})</h2>
      <AssessmentLinks assessments={assessments} />

      <h2>Admin history</h2>
      {history.length === 0 ? (
        <p>No admin has acted on this account.</p>
      ) : (
        <AuditTable entries={history} />
      )}
    </section>
  );
}
