import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/permissions.server";
import { pageTitle } from "~/route-head";

export const meta = pageTitle("Dashboard");

type SkillLinks = { name: string; text: string; links: { to: string; label: string }[] };

const SKILLS: SkillLinks[] = [
  {
    name: "Writing",
    text: "Scored per criterion, with your errors marked.",
    links: [
      { to: "/assessments/writing/new?task=1&module=academic", label: "Task 1: describe a chart" },
      { to: "/assessments/writing/new?task=1&module=general", label: "Task 1: write a letter" },
      { to: "/assessments/writing/new?task=2&module=academic", label: "Task 2 essay (Academic)" },
      { to: "/assessments/writing/new?task=2&module=general", label: "Task 2 essay (General)" },
    ],
  },
  {
    name: "Speaking",
    text: "Parts 1 to 3, recorded or typed.",
    links: [{ to: "/assessments/speaking/new?module=academic", label: "Start a Speaking test" }],
  },
  {
    name: "Reading",
    text: "40 questions in 60 minutes, marked at once.",
    links: [
      { to: "/assessments/reading/new?module=academic", label: "Academic Reading" },
      { to: "/assessments/reading/new?module=general", label: "General Training Reading" },
    ],
  },
  {
    name: "Listening",
    text: "Four parts, 40 questions, each recording heard once.",
    links: [{ to: "/assessments/listening/new", label: "Start a Listening test" }],
  },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return json({ email: user.email });
}

export default function Dashboard() {
  const { email } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Your dashboard</h1>
      <p>Signed in as {email}.</p>
      <section className="grid" aria-label="Skills">
        {SKILLS.map((skill) => (
          <div className="card" key={skill.name}>
            <h2>{skill.name}</h2>
            <p>{skill.text}</p>
            <ul>
              {skill.links.map((link) => (
                <li key={link.to}>
                  <Link to={link.to}>{link.label}</Link>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </section>
      <ul>
        <li>
          <Link to="/mock-tests/new?module=academic">Sit a full mock test</Link>
        </li>
        <li>
          <Link to="/practice">Practise one skill at a time</Link>
        </li>
        <li>
          <Link to="/profile">Your history and progress</Link>
        </li>
        <li>
          <Link to="/assessment-structure">How the test and our bands work</Link>
        </li>
        <li>
          <Link to="/account/password">Change your password</Link>
        </li>
        <li>
          <Link to="/account/devices">Devices signed in to the app</Link>
        </li>
      </ul>
    </>
  );
}
