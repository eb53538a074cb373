import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BandTimeline } from "~/components/progress/BandTimeline";
import { CriteriaChart } from "~/components/progress/CriteriaChart";
import { EmptyHistory, HistoryList, SkillFilter, skillName } from "~/components/progress/History";
import { parseSkill, progressOverview } from "~/models/progress.server";
import { requireUser } from "~/permissions.server";
import chartStyles from "~/styles/charts.css";
import progressStyles from "~/styles/progress.css";
import { pageTitle } from "~/route-head";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: chartStyles },
  { rel: "stylesheet", href: progressStyles },
];

export const meta = pageTitle("Your progress");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const skill = parseSkill(new URL(request.url).searchParams.get("skill"));
  return json(await progressOverview({ userId: user.userId, skill }));
}

export default function Profile() {
  const { skill, total, rows, series, criteria } = useLoaderData<typeof loader>();
  const subject = skill ? `your ${skillName(skill)} history` : "your history";
  return (
    <>
      <h1>Your progress</h1>
      {total === 0 ? (
        <EmptyHistory />
      ) : (
        <>
          <SkillFilter current={skill} />
          {series.length > 0 ? <BandTimeline series={series} /> : null}
          {criteria.map((c) => (
            <CriteriaChart
              key={c.skill}
              title={`${skillName(c.skill)}: latest band and your average, per criterion`}
              stats={c.stats}
            />
          ))}
          <h2>History</h2>
          <p>
            <a href={skill ? `/profile.csv?skill=${skill}` : "/profile.csv"} download>
              Download {subject} (CSV)
            </a>
          </p>
          {rows.length === 0 ? (
            <p>You have no {skill ? skillName(skill) : ""} assessments yet.</p>
          ) : (
            <HistoryList rows={rows} />
          )}
        </>
      )}
    </>
  );
}
