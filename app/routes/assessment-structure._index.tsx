import { bandTableRows } from "~/models/structure.server";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Table } from "~/components/table";

export function loader() {
  return json({
    listening: bandTableRows("listening"),
    academic: bandTableRows("reading-academic"),
    general: bandTableRows("reading-general"),
  });
}

function BandTable({ caption, rows }: { caption: string; rows: { raw: string; band: number }[] }) {
  return (
    <Table
      className="band-table"
      caption={caption}
      columns={[
        { header: "Correct answers", cell: (row) => row.raw },
        { header: "Band", cell: (row) => row.band },
      ]}
      rows={rows}
      rowKey={(row) => row.raw}
    />
  );
}

export default function Overview() {
  const tables = useLoaderData<typeof loader>();
  return (
    <>
      <p>
        Every candidate takes four parts: Listening, Reading, Writing and Speaking. Listening and
        Speaking are the same for everyone; Reading and Writing come in two versions. Choose{" "}
        <strong>Academic</strong> for university study or professional registration, and{" "}
        <strong>General Training</strong> for work, training or migration.
      </p>
      <table className="band-table">
        <caption>The four parts</caption>
        <thead>
          <tr>
            <th scope="col">Part</th>
            <th scope="col">Time</th>
            <th scope="col">What you do</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td>Listening</td>
            <td>about 30 minutes</td>
            <td>Four recordings, each heard once, 40 questions.</td>
          </tr>
          <tr>
            <td>Reading</td>
            <td>60 minutes</td>
            <td>Three texts, 40 questions.</td>
          </tr>
          <tr>
            <td>Writing</td>
            <td>60 minutes</td>
            <td>
              Task 1 (at least 150 words, about 20 minutes) and Task 2 (at least 250 words, about 40
              minutes).
            </td>
          </tr>
          <tr>
            <td>Speaking</td>
            <td>11 to 14 minutes</td>
            <td>An interview in three parts with an examiner.</td>
          </tr>
        </tbody>
      </table>

      <h2>How bands are worked out</h2>
      <ul>
        <li>
          Each part gets a band from 0 to 9 in half steps. Your overall band is the average of the
          four, rounded to the nearest half band: an average ending in .25 goes up to the next half,
          and one ending in .75 goes up to the next whole band (6.25 becomes 6.5, 6.75 becomes 7).
        </li>
        <li>
          Listening and Reading: the number of correct answers is converted with a table (below).
          Spelling counts, and an answer longer than the word limit is wrong.
        </li>
        <li>
          Writing: each task is marked on four criteria of equal weight (Task Achievement or Task
          Response, Coherence and Cohesion, Lexical Resource, Grammatical Range and Accuracy). Task
          2 counts twice as much as Task 1. The test owners do not publish the exact formula; we use
          (Task 1 + 2 × Task 2) ÷ 3, rounded as above, and say so.
        </li>
        <li>
          Speaking: four criteria of equal weight (Fluency and Coherence, Lexical Resource,
          Grammatical Range and Accuracy, Pronunciation). We only score Pronunciation when you
          record your answers; with typed answers we show the other three and say it was not
          assessed.
        </li>
        <li>
          Our Writing and Speaking bands are estimates from the public band descriptors, shown with
          the evidence behind them. They are not official results.
        </li>
      </ul>

      <h2>Raw score to band</h2>
      <p className="hint">
        Published tables vary a little from test to test; these are the common defaults. Below the
        published rows we use our own monotonic values.
      </p>
      <div className="grid">
        <BandTable caption="Listening" rows={tables.listening} />
        <BandTable caption="Academic Reading" rows={tables.academic} />
        <BandTable caption="General Training Reading" rows={tables.general} />
      </div>
    </>
  );
}
