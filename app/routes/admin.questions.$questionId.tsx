import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import * as z from "zod";
import type { Question } from "../../src/content/schema";
import { adminForm, doneReply } from "~/admin.server";
import { formatTime } from "~/components/admin/format";
import { CsrfInput } from "~/components/csrf-input";
import { FormMessage } from "~/components/field";
import { QuestionView } from "~/components/writing/QuestionView";
import {
  editQuestion,
  editQuestionSchema,
  previewQuestion,
  questionIdSchema,
  retireQuestion,
  viewQuestion,
} from "~/models/admin.server";
import { requireRole } from "~/permissions.server";
import chartStyles from "~/styles/charts.css";
import writingStyles from "~/styles/writing.css";
import { pageTitle } from "~/route-head";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: chartStyles },
  { rel: "stylesheet", href: writingStyles },
];

export const meta = pageTitle("Question · Admin");

const notFound = () => json({ message: "Not found" }, { status: 404 });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireRole(request, "admin");
  const id = questionIdSchema.safeParse(params.questionId);
  const row = id.success ? await viewQuestion(actor, id.data) : null;
  if (!row) throw notFound();
  return json({ row, json: JSON.stringify(row.item, null, 2) });
}

export async function action({ request, params }: ActionFunctionArgs) {
  // Built here, not at the top of the module: a top-level zod call stays in the page's browser
  // bundle (zod is 20 KB gzip there), though only the action uses it.
  const editFields = editQuestionSchema.pick({ json: true });
  const noFields = z.object({});
  const read = await adminForm(request, ["json"], (intent) =>
    intent === "save" || intent === "preview" ? editFields : noFields,
  );
  if ("refused" in read) return read.refused;
  const id = questionIdSchema.safeParse(params.questionId);
  if (!id.success) throw notFound();
  const { actor, intent, values, fail } = read;
  if (intent === "retire" || intent === "restore") {
    const result = await retireQuestion(actor, {
      questionId: id.data,
      retire: intent === "retire",
    });
    if (!result.ok) return fail(409, result.message);
    return doneReply(
      intent === "retire" ? "Retired: no new work gets this question." : "Back in use.",
    );
  }
  const input = { questionId: id.data, json: values.json ?? "" };
  const result =
    intent === "save" ? await editQuestion(actor, input) : await previewQuestion(actor, input);
  if (!result.ok) return fail(400, result.message);
  if (intent === "save") return doneReply("Saved.");
  // The preview keeps the typed JSON in the box: nothing is saved until Save.
  return json({
    values,
    formError: null,
    done: "Preview below; not saved yet.",
    preview: result.question,
  });
}

/** Part 1's topics and Part 3's themes alike: a heading over its questions. */
function QuestionGroups({ groups }: { groups: { name: string; questions: readonly string[] }[] }) {
  return (
    <>
      {groups.map((g) => (
        <div key={g.name}>
          <p>
            <strong>{g.name}</strong>
          </p>
          <ul>
            {g.questions.map((q) => (
              <li key={q}>{q}</li>
            ))}
          </ul>
        </div>
      ))}
    </>
  );
}

function Preview({ question }: { question: Question }) {
  if (question.skill === "writing") return <QuestionView question={question} />;
  return (
    <section aria-label="Speaking set">
      <h3>Part 1</h3>
      <QuestionGroups
        groups={question.part1.map((t) => ({ name: t.topic, questions: t.questions }))}
      />
      <h3>Part 2</h3>
      <p>
        <strong>{question.part2.cueCard.topic}</strong>
      </p>
      <ul>
        {question.part2.cueCard.points.map((p) => (
          <li key={p}>{p}</li>
        ))}
      </ul>
      <p>{question.part2.cueCard.finalPoint}</p>
      <h3>Part 3</h3>
      <QuestionGroups
        groups={question.part3.map((t) => ({ name: t.theme, questions: t.questions }))}
      />
    </section>
  );
}

export default function AdminQuestion() {
  const { row, json: stored } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const typed = reply && "values" in reply ? reply.values.json : undefined;
  const preview =
    reply && "preview" in reply && reply.preview ? (reply.preview as Question) : row.item;
  return (
    <section>
      <h1>{row.questionId}</h1>
      <p>
        {row.retiredAt ? `Retired ${formatTime(row.retiredAt)}` : "In use"}
        {row.editedAt ? ` · edited ${formatTime(row.editedAt)}` : " · as seeded"}
      </p>
      <FormMessage tone="error" message={reply?.formError} />
      <FormMessage tone="info" message={reply?.done} />

      <h2>Preview, as the student sees it</h2>
      <Preview question={preview} />

      <h2>Edit</h2>
      <Form method="post" className="form">
        <CsrfInput />
        <div className="field">
          <label htmlFor="question-json">
            The question as JSON (checked by the content schema)
          </label>
          <textarea
            id="question-json"
            name="json"
            className="json"
            defaultValue={typed ?? stored}
            spellCheck={false}
          />
        </div>
        <div className="admin-actions">
          <button type="submit" name="intent" value="preview" className="button-secondary">
            Preview
          </button>
          <button type="submit" name="intent" value="save">
            Save
          </button>
        </div>
      </Form>

      <h2>{row.retiredAt ? "Put back in use" : "Retire"}</h2>
      <p>
        A question is never deleted: assessments point at it. A retired one is not given to new
        work.
      </p>
      <Form method="post">
        <CsrfInput />
        <button type="submit" name="intent" value={row.retiredAt ? "restore" : "retire"}>
          {row.retiredAt ? "Put back in use" : "Retire this question"}
        </button>
      </Form>
    </section>
  );
}
