import type { LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { AssessmentLinks } from "~/components/admin/AssessmentLinks";
import { findAssessments, findAssessmentSchema } from "~/models/admin.server";
import { requireRole } from "~/permissions.server";
import { pageTitle } from "~/route-head";
import { AdminSearch } from "~/components/admin/AdminSearch";

export const meta = pageTitle("Assessments · Admin");

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireRole(request, "admin");
  const q = new URL(request.url).searchParams.get("q");
  if (q === null) return json({ q: "", message: null, found: null });
  const parsed = findAssessmentSchema.safeParse({ q });
  if (!parsed.success) {
    return json(
      { q, message: parsed.error.issues[0]?.message ?? "Check the search.", found: null },
      400,
    );
  }
  const found = await findAssessments(actor, parsed.data);
  if (found.kind === "assessment") throw redirect(`/admin/assessments/${found.assessmentId}`);
  if (found.kind === "none") {
    return json({
      q,
      message: "No assessment has that id and no account that address.",
      found: null,
    });
  }
  return json({ q, message: null, found });
}

export default function AdminAssessments() {
  const { q, message, found } = useLoaderData<typeof loader>();
  return (
    <AdminSearch
      heading="Assessments"
      field="q"
      label="Assessment id, or a student's email address"
      value={q}
      message={message}
    >
      {found ? (
        <>
          <h2>
            Assessments of <Link to={`/admin/users/${found.userId}`}>{found.email}</Link>
          </h2>
          <AssessmentLinks assessments={found.assessments} />
        </>
      ) : null}
    </AdminSearch>
  );
}
