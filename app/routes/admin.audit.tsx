import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { AuditTable } from "~/components/admin/AuditTable";
import { recentAudit } from "~/models/admin.server";
import { requireRole } from "~/permissions.server";
import { pageTitle } from "~/route-head";

export const meta = pageTitle("Audit log");

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireRole(request, "admin");
  return json({ entries: await recentAudit(actor) });
}

export default function AuditLog() {
  const { entries } = useLoaderData<typeof loader>();
  return (
    <section>
      <h1>Audit log</h1>
      <p>Every admin action of the last 7 days (UTC), newest first. Entries are never changed.</p>
      {entries.length === 0 ? (
        <p>No admin actions in the last 7 days.</p>
      ) : (
        <AuditTable entries={entries} />
      )}
    </section>
  );
}
