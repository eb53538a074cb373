import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/session.server";

export const meta: MetaFunction = () => [{ title: "Dashboard · IELTS AI Prep" }];

const SKILLS = [
  { name: "Writing", text: "Task 1 and Task 2, scored per criterion." },
  { name: "Speaking", text: "Parts 1 to 3, recorded or typed." },
  { name: "Reading", text: "Academic and General Training, 40 questions." },
  { name: "Listening", text: "Four parts, 40 questions, heard once." },
] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return json({ email: user.email, emailVerified: user.emailVerified });
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
          </div>
        ))}
      </section>
      <p>
        <Link to="/account/password">Change your password</Link>
      </p>
    </>
  );
}
