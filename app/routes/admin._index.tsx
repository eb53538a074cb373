import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { DASHBOARD_SKILLS, formatLatency } from "../../src/admin/dashboard-labels";
import type { LineVisual, TableVisual } from "../../src/content/schema";
import { DataTable } from "~/components/charts/DataTable";
import { LineChart } from "~/components/charts/LineChart";
import { loadDashboard } from "~/models/admin.server";
import { requireRole } from "~/permissions.server";
import { pageTitle } from "~/route-head";

export const meta = pageTitle("Admin dashboard");

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireRole(request, "admin");
  return json(await loadDashboard(actor));
}

type Day = ReturnType<typeof useLoaderData<typeof loader>>["days"][number];

const label = (day: string) => day.slice(5);
// The open-ended latency bucket comes as twice the last bound; the table says "over".
const drawn = (s: number | null) => s ?? 0;

function line(title: string, yUnit: string, days: Day[], series: [string, (d: Day) => number][]) {
  const visual: LineVisual = {
    kind: "line",
    title,
    yUnit,
    xLabels: days.map((d) => label(d.day)),
    series: series.map(([name, value]) => ({ name, values: days.map(value) })),
  };
  return visual;
}

function table(title: string, columns: string[], rows: (string | number)[][]): TableVisual {
  return { kind: "table", title, columns, rows } as TableVisual;
}

export default function AdminDashboard() {
  const { days, providers, openReports } = useLoaderData<typeof loader>();
  const timed = days.filter((d) => d.medianS !== null);
  const rate = (d: Day, n: number) =>
    d.scored + d.failed === 0 ? 0 : (100 * n) / (d.scored + d.failed);
  return (
    <section>
      <h1>Dashboard</h1>
      <p>
        The last 30 days (UTC), from daily counters.{" "}
        <Link to="/admin/reports">Open content reports: {openReports}</Link> ·{" "}
        <a href="/admin/stats.csv" download>
          Download as CSV
        </a>
      </p>

      <h2>Assessments per day</h2>
      <div className="admin-grid">
        <LineChart
          visual={line(
            "Assessments per day by skill",
            "assessments",
            days,
            DASHBOARD_SKILLS.map((s) => [s, (d) => d.assessments[s]]),
          )}
        />
        <DataTable
          visual={table(
            "Assessments per day by skill",
            ["Day", ...DASHBOARD_SKILLS],
            days.map((d) => [d.day, ...DASHBOARD_SKILLS.map((s) => d.assessments[s])]),
          )}
        />
      </div>

      <h2>Scoring latency</h2>
      <p className="hint">
        From submit to scored, read from a histogram: each figure is the upper bound of the bucket
        the median or 95th percentile falls in.
      </p>
      <div className="admin-grid">
        {timed.length >= 2 ? (
          <LineChart
            visual={line("Scoring latency (seconds, at most)", "seconds", timed, [
              ["median", (d) => drawn(d.medianS)],
              ["95th percentile", (d) => drawn(d.p95S)],
            ])}
          />
        ) : (
          <p>Fewer than two days with scored assessments: no chart yet.</p>
        )}
        <DataTable
          visual={table(
            "Scoring latency in seconds (at most)",
            ["Day", "Median", "95th percentile"],
            timed.map((d) => [d.day, formatLatency(d.medianS), formatLatency(d.p95S)]),
          )}
        />
      </div>

      <h2>Failures and fallbacks</h2>
      <p className="hint">
        A fallback is a result the offline scorer gave after a cloud model failed.
      </p>
      <div className="admin-grid">
        <LineChart
          visual={line("Failure and fallback rate", "% of scorings", days, [
            ["failed", (d) => rate(d, d.failed)],
            ["fallback", (d) => rate(d, d.fallback)],
          ])}
        />
        <DataTable
          visual={table(
            "Scorings, failures and fallbacks",
            ["Day", "Scored", "Failed", "Fallback"],
            days.map((d) => [d.day, d.scored, d.failed, d.fallback]),
          )}
        />
      </div>

      <h2>AI cost</h2>
      {providers.length === 0 ? (
        <p>No AI cost recorded in these 30 days.</p>
      ) : (
        <div className="admin-grid">
          <LineChart
            visual={line(
              "AI cost per day by provider",
              "US dollars",
              days,
              providers.map((p) => [p, (d) => d.costUsd[p] ?? 0]),
            )}
          />
          <DataTable
            visual={table(
              "AI cost per day in US dollars",
              ["Day", ...providers],
              days.map((d) => [d.day, ...providers.map((p) => (d.costUsd[p] ?? 0).toFixed(4))]),
            )}
          />
        </div>
      )}

      <h2>New accounts</h2>
      <div className="admin-grid">
        <LineChart
          visual={line("New accounts per day", "accounts", days, [
            ["joined", (d) => d.newAccounts],
          ])}
        />
        <DataTable
          visual={table(
            "New accounts per day",
            ["Day", "Joined"],
            days.map((d) => [d.day, d.newAccounts]),
          )}
        />
      </div>
    </section>
  );
}
