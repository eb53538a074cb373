import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { DRILL_MENU } from "~/models/practice.server";
import { requireUser } from "~/permissions.server";
import { pageTitle } from "~/route-head";

export const meta = pageTitle("Practice");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  return json({ drills: DRILL_MENU });
}

export default function PracticeIndex() {
  const { drills } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Practice</h1>
      <p>
        Short drills with instant feedback. Each takes a few minutes and checks one habit that
        examiners look for.
      </p>
      <ul className="drill-menu">
        {drills.map((d) => (
          <li key={d.name} className="card">
            <h2>
              <Link to={`/practice/${d.name}`}>{d.title}</Link>
            </h2>
            <p>{d.blurb}</p>
          </li>
        ))}
        <li className="card">
          <h2>
            <Link to="/practice/objective">Reading and Listening question types</Link>
          </h2>
          <p>
            One question type at a time (True/False/Not Given, matching headings, gap fill and
            more), marked at once with the reason and the line that proves the answer.
          </p>
        </li>
      </ul>
    </>
  );
}
