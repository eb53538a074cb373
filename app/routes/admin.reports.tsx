import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { REPORT_REASONS } from "../../src/assessments/report-reasons";
import { adminChange } from "~/admin.server";
import { formatTime } from "~/components/admin/format";
import { CsrfInput } from "~/components/csrf-input";
import { FormMessage } from "~/components/field";
import {
  closeContentReport,
  closeReportSchema,
  reportQueue,
  reportQueueSchema,
} from "~/models/admin.server";
import { requireRole } from "~/permissions.server";
import { pageTitle } from "~/route-head";

export const meta = pageTitle("Content reports · Admin");

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireRole(request, "admin");
  const { status } = reportQueueSchema.parse({
    status: new URL(request.url).searchParams.get("status") ?? undefined,
  });
  return json({ status, reports: await reportQueue(actor, status) });
}

// adminChange is called inside the action, not at the top: the browser build keeps a top-level
// call, and in the browser the .server module it comes from is empty.
export function action(args: ActionFunctionArgs) {
  return adminChange(
    ["reportId", "outcome", "note"],
    closeReportSchema,
    closeContentReport,
    (data) =>
      data.outcome === "resolved"
        ? "Resolved: the student sees your note on their result page."
        : "Dismissed: the student sees your note on their result page.",
  )(args);
}

const reasonLabel = (reason: string) =>
  (REPORT_REASONS as Record<string, string>)[reason] ?? reason;

export default function ReportQueue() {
  const { status, reports } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const kept = (reportId: string, field: string) =>
    reply?.values.reportId === reportId ? reply.values[field] : undefined;
  return (
    <section>
      <h1>Content reports</h1>
      <nav aria-label="Report status">
        <ul className="admin-actions">
          {(["open", "resolved", "dismissed"] as const).map((s) => (
            <li key={s}>
              <Link
                to={`/admin/reports?status=${s}`}
                aria-current={s === status ? "page" : undefined}
              >
                {s}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <FormMessage tone="error" message={reply?.formError} />
      <FormMessage tone="info" message={reply?.done} />
      {reports.length === 0 ? (
        <p>No {status} reports.</p>
      ) : (
        <ol className="reports">
          {reports.map((r) => (
            <li key={r.reportId}>
              <h2>
                {reasonLabel(r.reason)} · {formatTime(r.createdAt)}
              </h2>
              <p>
                <Link to={`/admin/assessments/${r.assessmentId}`}>
                  The assessment and its feedback
                </Link>{" "}
                · <Link to={`/admin/users/${r.userId}`}>the student</Link>
              </p>
              <p>{r.comment ? `“${r.comment}”` : "No comment."}</p>
              {r.status && r.status !== "open" ? (
                <p>
                  {r.status} {r.closedAt ? formatTime(r.closedAt) : ""}: {r.resolutionNote}
                </p>
              ) : (
                <Form method="post" className="form">
                  <CsrfInput />
                  <input type="hidden" name="reportId" value={r.reportId} />
                  <div className="field">
                    <label htmlFor={`note-${r.reportId}`}>Note to the student</label>
                    <textarea
                      id={`note-${r.reportId}`}
                      name="note"
                      rows={3}
                      required
                      defaultValue={kept(r.reportId, "note")}
                    />
                  </div>
                  <div className="admin-actions">
                    <button type="submit" name="outcome" value="resolved">
                      Resolve
                    </button>
                    <button
                      type="submit"
                      name="outcome"
                      value="dismissed"
                      className="button-secondary"
                    >
                      Dismiss
                    </button>
                  </div>
                </Form>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
