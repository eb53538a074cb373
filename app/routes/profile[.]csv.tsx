import type { LoaderFunctionArgs } from "@remix-run/node";
import { historyCsv, historyRows, listUserAssessments, parseSkill } from "~/models/progress.server";
import { requireUser } from "~/permissions.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const url = new URL(request.url);
  const skill = parseSkill(url.searchParams.get("skill"));
  const rows = historyRows(await listUserAssessments(user.userId), skill);
  const csv = historyCsv(rows, (id) => new URL(`/assessments/${id}`, url.origin).href);
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="ielts-history.csv"',
      // A student's results: never kept by a shared cache.
      "Cache-Control": "private, no-store",
    },
  });
}
