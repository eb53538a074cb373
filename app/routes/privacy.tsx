import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Table } from "~/components/table";
import { POLICY_VERSION, retentionRows } from "~/models/privacy.server";
import { pageTitle } from "~/route-head";

export const meta = pageTitle("Privacy");

export function loader() {
  return json({ version: POLICY_VERSION, retention: retentionRows() });
}

export default function Privacy() {
  const { version, retention } = useLoaderData<typeof loader>();
  return (
    <article>
      <h1>Privacy</h1>
      <p className="hint">Version {version}</p>

      <h2>What we store</h2>
      <ul>
        <li>
          Your account: your email address, a scrypt hash of your password (never the password),
          when you joined and whether your address is confirmed.
        </li>
        <li>
          Your sign-ins: browser sessions and the mobile app devices signed in, with the app&apos;s
          name and when each was last used. Tokens are stored only as hashes.
        </li>
        <li>
          Your work: every assessment and draft, with your answers, essays, transcripts and Speaking
          recordings, and the bands and feedback they were given.
        </li>
        <li>
          Reports you send about feedback, and records of what the AI safety checks caught while
          scoring your work.
        </li>
        <li>
          Your answers about consent below, each with its time and this notice&apos;s version.
        </li>
        <li>
          Short-lived counters of failed logins and of mails sent, by account and by network
          address, to stop password guessing and mail floods.
        </li>
      </ul>

      <h2>Where</h2>
      <p>
        In Amazon Web Services&apos; London region (eu-west-2): the records in DynamoDB, the
        recordings in a private, encrypted S3 bucket that only the application can read. Mail is
        sent through SendGrid.
      </p>
      <p>
        Your essays and transcripts are scored by a cloud model when one is configured (Amazon
        Bedrock, Nova Micro, in AWS; or Google Gemini), otherwise by our own scorer on our servers.
        Your Speaking <strong>recordings</strong> go to a cloud model (Google Gemini) only if you
        agree: you are asked on the Speaking test and on your account page, and can withdraw at any
        time. Without your consent a recording is not sent: a part you only recorded is not scored
        (the recording is kept for you), and a part you typed is scored from the text.
      </p>

      <h2>How long</h2>
      <Table
        className="band-table"
        columns={[
          { header: "What", cell: (row) => row.what },
          { header: "Kept", cell: (row) => row.kept },
        ]}
        rows={retention}
        rowKey={(row) => row.what}
      />
      <p>
        Items past their time can no longer be used; the database removes them within a few days
        after.
      </p>

      <h2>Cookies</h2>
      <p>
        Only two, both essential, so there is no cookie banner: <code>ielts_session</code> keeps you
        signed in (24 hours at most), and <code>ielts_csrf</code> protects the forms from other
        sites (until you close the browser). No analytics, advertising or third-party cookies.
      </p>

      <h2>Your rights</h2>
      <p>
        On <Link to="/account">your account page</Link> you can download everything we hold about
        you (a zip file with your data as JSON and your recordings), withdraw or give consent, and
        delete your account: everything is then erased, and you are signed out everywhere. Purchase
        records, if you bought anything, are kept without your name or address, because accounting
        law requires them.
      </p>
    </article>
  );
}
