import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { SAFETY_KINDS } from "../../src/domain/safety";
import { formatTime } from "~/components/admin/format";
import { FormMessage, Options } from "~/components/field";
import { AdminTable } from "~/components/table";
import { findSafetyLogs, safetyFilterSchema } from "~/models/admin.server";
import { requireRole } from "~/permissions.server";
import { pageTitle } from "~/route-head";

export const meta = pageTitle("AI safety log · Admin");

const FIELDS = ["kind", "email", "from", "to"] as const;

type Logs = Exclude<Awaited<ReturnType<typeof findSafetyLogs>>, { unknownUser: true }>;
const NO_LOGS: Logs = [];

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireRole(request, "admin");
  const params = new URL(request.url).searchParams;
  const values = Object.fromEntries(FIELDS.map((f) => [f, params.get(f) ?? ""])) as Record<
    (typeof FIELDS)[number],
    string
  >;
  const parsed = safetyFilterSchema.safeParse(values);
  if (!parsed.success) {
    return json(
      { values, message: parsed.error.issues[0]?.message ?? "Check the filter.", logs: NO_LOGS },
      400,
    );
  }
  const found = await findSafetyLogs(actor, {
    ...parsed.data,
    email: parsed.data.email || undefined,
  });
  if ("unknownUser" in found) {
    return json({ values, message: "No account has that email address.", logs: NO_LOGS });
  }
  return json({ values, message: null, logs: found });
}

export default function SafetyLog() {
  const { values, message, logs } = useLoaderData<typeof loader>();
  return (
    <section>
      <h1>AI safety log</h1>
      <Form method="get" className="form">
        <div className="field">
          <label htmlFor="safety-kind">Kind</label>
          <select id="safety-kind" name="kind" defaultValue={values.kind}>
            <option value="">Every kind</option>
            <Options choices={Object.entries(SAFETY_KINDS)} />
          </select>
        </div>
        <div className="field">
          <label htmlFor="safety-email">Student&apos;s email address</label>
          <input id="safety-email" name="email" type="email" defaultValue={values.email} />
        </div>
        <div className="field">
          <label htmlFor="safety-from">From (UTC day; the last 7 days if empty)</label>
          <input id="safety-from" name="from" type="date" defaultValue={values.from} />
        </div>
        <div className="field">
          <label htmlFor="safety-to">To (UTC day)</label>
          <input id="safety-to" name="to" type="date" defaultValue={values.to} />
        </div>
        <FormMessage tone="error" message={message} />
        <button type="submit">Filter</button>
      </Form>
      {logs.length === 0 ? (
        <p>No AI-safety events match.</p>
      ) : (
        <AdminTable
          label="AI safety events"
          columns={[
            { header: "When", cell: (log) => formatTime(log.createdAt) },
            { header: "Kind", cell: (log) => SAFETY_KINDS[log.kind] ?? log.kind },
            { header: "Provider", cell: (log) => log.provider ?? "" },
            { header: "Detail", cell: (log) => log.detail },
            {
              header: "Assessment",
              cell: (log) => <Link to={`/admin/assessments/${log.assessmentId}`}>Open</Link>,
            },
          ]}
          rows={logs}
          rowKey={(log) => log.logId}
        />
      )}
    </section>
  );
}
