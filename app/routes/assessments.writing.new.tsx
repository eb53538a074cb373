import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { CsrfInput, useCsrfToken } from "~/components/csrf-input";
import { FormMessage } from "~/components/field";
import { EssayEditor } from "~/components/writing/EssayEditor";
import { QuestionView } from "~/components/writing/QuestionView";
import {
  ESSAY_TOO_LONG,
  MAX_ESSAY_CHARS,
  MIN_WORDS,
  assessmentIdFrom,
  TASK_MINUTES,
  draftResponseSchema,
  getAssessment,
  openWritingDraft,
  publishEvent,
  saveWritingDraft,
  submitResponseSchema,
  submitWriting,
  writingQuerySchema,
} from "~/models/assessments.server";
import { formValues, readForm } from "~/security/form.server";
import { requireUser } from "~/session.server";
import chartStyles from "~/styles/charts.css";
import writingStyles from "~/styles/writing.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: chartStyles },
  { rel: "stylesheet", href: writingStyles },
];

export const meta: MetaFunction = () => [{ title: "Writing · IELTS AI Prep" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const query = writingQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const { assessment, question } = await openWritingDraft({ userId: user.userId, ...query });
  return json({
    assessmentId: assessment.assessmentId,
    task: query.task,
    module: query.module,
    minutes: TASK_MINUTES[query.task],
    minWords: MIN_WORDS[query.task],
    maxChars: MAX_ESSAY_CHARS,
    question,
    response: assessment.submission.kind === "writing" ? assessment.submission.response : "",
    deadlineAt: assessment.deadlineAt ?? new Date().toISOString(),
    serverNow: Date.now(),
  });
}

const FIELDS = ["intent", "assessmentId", "response"] as const;

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const { form, problem } = await readForm(request);
  const values = formValues(form, FIELDS);
  const draftId = assessmentIdFrom(values.assessmentId);
  const draft = draftId ? await getAssessment(draftId) : null;
  if (!draft || draft.userId !== user.userId) {
    throw json({ message: "That writing task was not found." }, { status: 404 });
  }
  // A second click on "Submit" lands on the result of the first.
  if (draft.status !== "draft") return redirect(`/assessments/${draft.assessmentId}`);
  const reply = (status: number, formError: string | null, savedAt: string | null = null) =>
    json({ response: values.response, formError, savedAt }, status);
  if (problem) return reply(403, problem);

  const schema = values.intent === "submit" ? submitResponseSchema : draftResponseSchema;
  const parsed = schema.safeParse(values.response);
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? "Check your answer.";
    return reply(message === ESSAY_TOO_LONG ? 413 : 400, message);
  }

  if (values.intent === "submit") {
    await submitWriting(draft, parsed.data, publishEvent);
    return redirect(`/assessments/${draft.assessmentId}`);
  }
  await saveWritingDraft(draft, user.userId, parsed.data);
  return reply(200, null, new Date().toISOString());
}

export default function NewWriting() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const csrf = useCsrfToken();
  return (
    <article className="writing-task">
      <h1>
        Writing Task {data.task}{" "}
        <span className="muted">
          ({data.module === "academic" ? "Academic" : "General Training"})
        </span>
      </h1>
      <p className="hint">
        Allow about {data.minutes} minutes and write at least {data.minWords} words. Your draft is
        kept if you leave and come back.
      </p>
      <QuestionView question={data.question} />
      <Form method="post" className="writing-form">
        <CsrfInput />
        <input type="hidden" name="assessmentId" value={data.assessmentId} />
        <FormMessage tone="error" message={result?.formError} />
        {result?.savedAt ? <FormMessage tone="info" message="Draft saved." /> : null}
        <EssayEditor
          key={data.assessmentId}
          initialText={result?.response ?? data.response}
          minWords={data.minWords}
          deadlineAt={data.deadlineAt}
          serverNow={data.serverNow}
          csrf={csrf}
          assessmentId={data.assessmentId}
          maxChars={data.maxChars}
        />
        <div className="actions">
          <button type="submit" name="intent" value="save" className="button-secondary">
            Save draft
          </button>
          <button type="submit" name="intent" value="submit">
            Submit for scoring
          </button>
        </div>
      </Form>
    </article>
  );
}
