import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { CsrfInput } from "~/components/csrf-input";
import { FormMessage } from "~/components/field";
import { PaperBlocks } from "~/components/objective/Paper";
import { typeName } from "../../src/assessments/objective-fields";
import {
  answersFromForm,
  drillPaper,
  drillSet,
  drillSets,
  drillStart,
  drillTypes,
  isQuestionType,
  markDrill,
} from "~/models/objective.server";
import { readForm } from "~/security/form.server";
import { requireUser } from "~/permissions.server";
import styles from "~/styles/objective.css";
import { stylesheet, pageTitle } from "~/route-head";

export const links = stylesheet(styles);

export const meta = pageTitle("Practice drills");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const params = new URL(request.url).searchParams;
  const type = params.get("type") ?? "";
  if (!isQuestionType(type)) {
    return json({ types: drillTypes(), drill: null });
  }
  const sets = drillSets(type);
  const asked = params.get("n");
  const n =
    asked === null
      ? await drillStart(type, user.userId)
      : Math.abs(Number.parseInt(asked, 10) || 0) % sets.length;
  const set = sets[n]!;
  return json({
    types: null,
    drill: {
      type,
      key: set.key,
      source: set.test.title,
      block: drillPaper(set),
      position: n + 1,
      count: sets.length,
      next: `/practice/objective?type=${type}&n=${(n + 1) % sets.length}`,
    },
  });
}

export async function action({ request }: ActionFunctionArgs) {
  await requireUser(request);
  const { form, problem } = await readForm(request);
  const key = form.get("set");
  const set = typeof key === "string" ? drillSet(key) : undefined;
  if (!set) throw json({ message: "That practice set was not found." }, { status: 404 });
  const answers = answersFromForm(form, set.group.questions);
  if (problem) return json({ answers, reviews: null, formError: problem }, 403);
  const reviews = markDrill(set, answers);
  return json({ answers, reviews, formError: null });
}

export default function ObjectiveDrill() {
  const { types, drill } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  if (!drill) {
    return (
      <section>
        <h1>Reading and Listening drills</h1>
        <p>Practise one question type at a time, marked as soon as you submit.</p>
        <ul className="type-list">
          {types?.map((t) => (
            <li key={t.type}>
              <Link to={`/practice/objective?type=${t.type}`}>{typeName(t.type)}</Link> (
              {t.questions} questions)
            </li>
          ))}
        </ul>
      </section>
    );
  }
  const reviews = result?.reviews ? new Map(result.reviews.map((r) => [r.id, r])) : undefined;
  const score = result?.reviews?.reduce(
    (sum, r) => ({ marks: sum.marks + r.marks, max: sum.max + r.maxMarks }),
    { marks: 0, max: 0 },
  );
  return (
    <Form method="post" className="drill" key={drill.key}>
      <h1>{typeName(drill.type)}</h1>
      <p className="hint">
        Set {drill.position} of {drill.count}, from {drill.source}.{" "}
        <Link to="/practice/objective">All question types</Link>
      </p>
      <CsrfInput />
      <input type="hidden" name="set" value={drill.key} />
      <FormMessage tone="error" message={result?.formError} />
      {score ? (
        <p className="form-message form-message-info" role="status">
          {`You scored ${score.marks} out of ${score.max}.`}
        </p>
      ) : null}
      <PaperBlocks blocks={[drill.block]} answers={result?.answers ?? {}} reviews={reviews} />
      <div className="actions">
        <button type="submit">Check answers</button>
        <Link to={drill.next} className="button button-secondary">
          Next set
        </Link>
      </div>
    </Form>
  );
}
