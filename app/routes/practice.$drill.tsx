import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { TaskVisual } from "~/components/charts/TaskVisual";
import { CsrfInput } from "~/components/csrf-input";
import { FormMessage } from "~/components/field";
import type { FormState } from "~/form-state";
import { checkDrill, loadDrill, parseDrill } from "~/models/practice.server";
import { formValues, readForm } from "~/security/form.server";
import { requireUser } from "~/permissions.server";
import type { DrillFeedback } from "../../src/scoring/practice/feedback";

const FIELDS = ["item", "answer"] as const;
type Field = (typeof FIELDS)[number];

/** Far more than any drill needs; a paste of a whole essay is cut short with a message. */
const MAX_ANSWER_CHARS = 2_000;

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.view.title ?? "Practice"} · IELTS AI Prep` },
];

function drillFrom(params: { drill?: string }) {
  const drill = parseDrill(params.drill);
  if (!drill) throw json({ message: "There is no such drill." }, 404);
  return drill;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const drill = drillFrom(params);
  const itemId = new URL(request.url).searchParams.get("item");
  const view = await loadDrill(drill, user.userId, itemId);
  // An old link to an item that has gone (a past error that left the history): start afresh.
  if (!view) throw redirect(`/practice/${drill}`);
  return json({ view });
}

type ActionData = FormState<Field> & { feedback: DrillFeedback | null };

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const drill = drillFrom(params);
  const { form, problem } = await readForm(request);
  const values = formValues(form, FIELDS);
  const fail = (status: number, state: Omit<ActionData, "values" | "feedback">) =>
    json<ActionData>({ values, feedback: null, ...state }, status);
  if (problem) return fail(403, { formError: problem, fieldErrors: {} });
  if (values.answer.length > MAX_ANSWER_CHARS) {
    return fail(400, {
      formError: null,
      fieldErrors: {
        answer: `This drill needs a few sentences, not more than ${MAX_ANSWER_CHARS} characters. Shorten your answer and check it again.`,
      },
    });
  }
  const checked = await checkDrill(drill, user.userId, values.item, values.answer);
  if (!checked) {
    return fail(400, {
      formError: "This exercise is no longer available. Choose “Try another” for a new one.",
      fieldErrors: {},
    });
  }
  return json<ActionData>({ values, formError: null, fieldErrors: {}, feedback: checked.feedback });
}

function Feedback({ feedback }: { feedback: DrillFeedback }) {
  return (
    <section className="drill-feedback" aria-labelledby="feedback-title">
      <h2 id="feedback-title">Feedback</h2>
      <p role="status">{feedback.summary}</p>
      {feedback.checks.length > 0 ? (
        <ul className="drill-checks">
          {feedback.checks.map((c) => (
            <li key={c.id} className={c.ok ? "check-ok" : "check-fix"}>
              <span className="check-mark">{c.ok ? "Done:" : "To fix:"}</span> {c.label}
              {c.ok ? null : <p className="check-advice">{c.advice}</p>}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

export default function Drill() {
  const { view } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  // The answer box keeps what was sent only when it was for this item, not after "Try another".
  const sameItem = result?.values.item === view.itemId;
  const answerError = sameItem ? result?.fieldErrors.answer : undefined;
  const self = `/practice/${view.drill}?item=${encodeURIComponent(view.itemId)}`;
  return (
    <>
      <p className="drill-back">
        <Link to="/practice">All drills</Link>
      </p>
      <h1>{view.title}</h1>
      <p>{view.instructions}</p>
      {view.source === "yours" ? <p className="drill-source">From your own essays.</p> : null}
      {view.visual ? <TaskVisual visual={view.visual} /> : null}
      <blockquote className="drill-context">
        {view.context.map((line, i) => (
          <p key={i}>{line}</p>
        ))}
      </blockquote>
      {/* The item is in the address too, so the page re-rendered after a post shows the same one. */}
      <Form method="post" action={self} className="form drill-form" key={view.itemId}>
        <CsrfInput />
        <FormMessage tone="error" message={sameItem ? result?.formError : null} />
        <input type="hidden" name="item" value={view.itemId} />
        <div className={answerError ? "field field-invalid" : "field"}>
          <label htmlFor="drill-answer">{view.answerLabel}</label>
          <textarea
            id="drill-answer"
            name="answer"
            rows={view.rows}
            defaultValue={sameItem ? result.values.answer : view.starter}
            aria-invalid={answerError ? true : undefined}
            aria-describedby={answerError ? "drill-answer-error" : undefined}
          />
          {answerError ? (
            <p className="field-error" id="drill-answer-error" role="alert">
              {answerError}
            </p>
          ) : null}
        </div>
        <button type="submit">Check my answer</button>
      </Form>
      {sameItem && result.feedback ? <Feedback feedback={result.feedback} /> : null}
      <p>
        <Link to={`/practice/${view.drill}?item=${encodeURIComponent(view.nextItemId)}`}>
          Try another
        </Link>
      </p>
    </>
  );
}
