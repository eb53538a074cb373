import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { NavLink, Outlet } from "@remix-run/react";
import { requireRole } from "~/permissions.server";
import adminStyles from "~/styles/admin.css";
import chartStyles from "~/styles/charts.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: chartStyles },
  { rel: "stylesheet", href: adminStyles },
];

// Each child route checks the role itself too: Remix runs the loaders in parallel, so a
// parent's check does not stand in front of its children's.
export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "admin");
  return json(null);
}

const SECTIONS = [
  ["/admin", "Dashboard"],
  ["/admin/users", "Users"],
  ["/admin/assessments", "Assessments"],
  ["/admin/questions", "Question bank"],
  ["/admin/rubrics", "Rubrics"],
  ["/admin/reports", "Reports"],
  ["/admin/safety", "AI safety"],
  ["/admin/audit", "Audit log"],
] as const;

export default function AdminLayout() {
  return (
    <div className="admin">
      <nav aria-label="Admin" className="admin-nav">
        <ul>
          {SECTIONS.map(([to, label]) => (
            <li key={to}>
              <NavLink to={to} end={to === "/admin"}>
                {label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet />
    </div>
  );
}
