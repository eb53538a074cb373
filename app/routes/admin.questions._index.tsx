import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { AdminTable } from "~/components/table";
import { listQuestionBank } from "~/models/admin.server";
import { requireRole } from "~/permissions.server";
import { pageTitle } from "~/route-head";

export const meta = pageTitle("Question bank · Admin");

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireRole(request, "admin");
  const rows = await listQuestionBank(actor);
  return json({
    rows: rows.map((r) => ({
      questionId: r.questionId,
      skill: r.skill,
      kind: r.item.skill === "writing" ? `Task ${r.item.task} (${r.item.module})` : "Speaking set",
      edited: Boolean(r.editedAt),
      retired: Boolean(r.retiredAt),
    })),
  });
}

export default function QuestionBank() {
  const { rows } = useLoaderData<typeof loader>();
  return (
    <section>
      <h1>Question bank</h1>
      <p>
        Writing prompts and Speaking sets as stored. New installs are seeded from the repository; a
        question edited or retired here keeps the admin&apos;s version.
      </p>
      <AdminTable
        label="Questions"
        columns={[
          {
            header: "Question",
            cell: (r) => <Link to={`/admin/questions/${r.questionId}`}>{r.questionId}</Link>,
          },
          { header: "Kind", cell: (r) => r.kind },
          {
            header: "State",
            cell: (r) => (
              <>
                {r.retired ? "retired" : "in use"}
                {r.edited ? " · edited" : ""}
              </>
            ),
          },
        ]}
        rows={rows}
        rowKey={(r) => r.questionId}
      />
    </section>
  );
}
