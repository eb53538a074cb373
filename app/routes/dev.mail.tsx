import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { readOutbox } from "~/models/accounts.server";
import { isLocal } from "~/config.server";

export const meta: MetaFunction = () => [
  { title: "Local outbox · IELTS AI Prep" },
  { name: "referrer", content: "same-origin" },
];

// The outbox exists only under Sandbox, where no mail leaves the machine.
export async function loader(_: LoaderFunctionArgs) {
  if (!isLocal()) throw json({ message: "Not found" }, { status: 404 });
  return json({ messages: await readOutbox() });
}

export default function DevMail() {
  const { messages } = useLoaderData<typeof loader>();
  return (
    <section>
      <h1>Local outbox</h1>
      <p className="hint">Mail the app would have sent, newest first. Only shown in local mode.</p>
      {messages.length === 0 ? <p>No mail yet.</p> : null}
      <ul className="mail-list">
        {messages.map((message, index) => (
          <li key={index} className="card">
            <p>
              <strong>To:</strong> {message.to}
              <br />
              <strong>Subject:</strong> {message.subject}
            </p>
            <pre>
              {message.text.split(/(https?:\/\/\S+)/).map((part, i) =>
                i % 2 === 1 ? (
                  <a key={i} href={part}>
                    {part}
                  </a>
                ) : (
                  part
                ),
              )}
            </pre>
          </li>
        ))}
      </ul>
    </section>
  );
}
