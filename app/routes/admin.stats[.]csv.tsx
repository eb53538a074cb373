import type { LoaderFunctionArgs } from "@remix-run/node";
import { dashboardCsv, loadDashboard } from "~/models/admin.server";
import { requireRole } from "~/permissions.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireRole(request, "admin");
  return new Response(dashboardCsv(await loadDashboard(actor)), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="ielts-admin-30-days.csv"',
      "Cache-Control": "private, no-store",
    },
  });
}
