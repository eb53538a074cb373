import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { CsrfInput, useCsrfToken } from "~/components/csrf-input";
import { ConfirmAlert } from "~/components/confirm-alert";
import { FormMessage } from "~/components/field";
import { PaperIntro } from "~/components/objective/PaperIntro";
import { EssayEditor } from "~/components/writing/EssayEditor";
import { QuestionView } from "~/components/writing/QuestionView";
import {
  ESSAY_TOO_LONG,
  HAND_IN_FAILED,
  MAX_ESSAY_CHARS,
  MIN_WORDS,
  assessmentIdFrom,
  TASK_MINUTES,
  draftResponseSchema,
  farUnderMinimum,
  findWritingDraft,
  getAssessment,
  openWritingDraft,
  publishEvent,
  saveWritingDraft,
  submitResponseSchema,
  scoringOptions,
  submitWriting,
  writingQuerySchema,
} from "~/models/assessments.server";
import { NoCreditNotice, type NoCredit } from "~/components/no-credit";
import { mockSlot } from "~/models/objective.server";
import { formValues, readForm } from "~/security/form.server";
import { requireUser } from "~/permissions.server";
import chartStyles from "~/styles/charts.css";
import writingStyles from "~/styles/writing.css";
import { pageTitle } from "~/route-head";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: chartStyles },
  { rel: "stylesheet", href: writingStyles },
];

export const meta = pageTitle("Writing");

/** The task asked for, and the student's mock test it is a step of (checked), if any. */
async function taskSlot(request: Request, userId: string) {
  const query = writingQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const mockId = await mockSlot(request, userId, query.task === 1 ? "writing1" : "writing2");
  return { userId, ...query, mockId };
}

// A GET shows the task's introduction until the student presses Start (a POST): a link must
// not start the clock, nor the 2 minutes spent reading what the task is.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const query = await taskSlot(request, user.userId);
  const open = await findWritingDraft(query);
  const about = {
    task: query.task,
    module: query.module,
    minutes: TASK_MINUTES[query.task],
    minWords: MIN_WORDS[query.task],
    mockId: query.mockId ?? null,
    maxChars: MAX_ESSAY_CHARS,
  };
  if (!open) return json({ started: false as const, ...about });
  const { assessment, question } = open;
  return json({
    started: true as const,
    assessmentId: assessment.assessmentId,
    ...about,
    question,
    response: assessment.submission.kind === "writing" ? assessment.submission.response : "",
    deadlineAt: assessment.deadlineAt ?? new Date().toISOString(),
    serverNow: Date.now(),
  });
}

const FIELDS = ["intent", "assessmentId", "response", "confirmShort"] as const;

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const { form, problem } = await readForm(request);
  const values = formValues(form, FIELDS);
  if (values.intent === "start") {
    if (problem) {
      return json(
        { response: "", formError: problem, savedAt: null, shortWords: null, noCredit: null },
        403,
      );
    }
    await openWritingDraft(await taskSlot(request, user.userId));
    const url = new URL(request.url);
    return redirect(`${url.pathname}${url.search}`);
  }
  const draftId = assessmentIdFrom(values.assessmentId);
  const draft = draftId ? await getAssessment(draftId) : null;
  if (!draft || draft.userId !== user.userId) {
    throw json({ message: "That writing task was not found." }, { status: 404 });
  }
  // A second click on "Submit" lands on the result of the first.
  if (draft.status !== "draft") return redirect(`/assessments/${draft.assessmentId}`);
  const reply = (
    status: number,
    formError: string | null,
    savedAt: string | null = null,
    shortWords: number | null = null,
    noCredit: NoCredit | null = null,
  ) => json({ response: values.response, formError, savedAt, shortWords, noCredit }, status);
  if (problem) return reply(403, problem);

  // "Submit anyway" under the short-answer question sends confirmShort instead of the intent;
  // "Score it offline" on the no-credit notice sends an offline intent (already confirmed short).
  const offline = values.intent === "submit-offline" || values.intent === "submit-offline-short";
  const confirmedShort = values.confirmShort === "yes" || values.intent === "submit-offline-short";
  const submitting = values.intent === "submit" || offline || confirmedShort;
  const schema = submitting ? submitResponseSchema : draftResponseSchema;
  const parsed = schema.safeParse(values.response);
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? "Check your answer.";
    return reply(message === ESSAY_TOO_LONG ? 413 : 400, message);
  }

  if (submitting) {
    const task = draft.submission.kind === "writing" ? draft.submission.task : 2;
    const shortWords = confirmedShort ? null : farUnderMinimum(task, parsed.data);
    if (shortWords !== null) {
      await saveWritingDraft(draft, user.userId, parsed.data);
      return reply(200, null, null, shortWords);
    }
    let outcome;
    try {
      outcome = await submitWriting(draft, parsed.data, {
        publish: publishEvent,
        scoring: scoringOptions(offline ? "offline" : "cloud"),
      });
    } catch (error) {
      // The database failed past its retries (throttled, unreachable): the page comes back
      // with the answer in it, rather than an error page in its place. If the hand-in did land,
      // pressing Submit again finds it handed in and goes to it.
      console.error("writing hand-in failed", draft.assessmentId, error);
      return reply(503, HAND_IN_FAILED);
    }
    if (outcome.kind === "no-credit") {
      return reply(402, null, null, null, { confirmedShort, skill: "writing" });
    }
    return redirect(`/assessments/${draft.assessmentId}`);
  }
  await saveWritingDraft(draft, user.userId, parsed.data);
  return reply(200, null, new Date().toISOString());
}

/**
 * Asked when an answer is far under the minimum: a few words sent by a stray tap would get
 * band 1 and count in the student's progress. The text stays in the box below.
 */
function ShortAnswerCheck(props: { words: number; minWords: number }) {
  return (
    <ConfirmAlert
      id="short-heading"
      when={props.words}
      heading={`Your answer has ${props.words} word${props.words === 1 ? "" : "s"}`}
    >
      <p>
        The task asks for at least {props.minWords}. An answer this short is scored as band 1 or
        close to it. Your draft is saved: keep writing below, or submit it as it is.
      </p>
      <button type="submit" form="writing-form" name="confirmShort" value="yes">
        Submit anyway
      </button>
    </ConfirmAlert>
  );
}

export default function NewWriting() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const csrf = useCsrfToken();
  const task = `Writing Task ${data.task} (${data.module === "academic" ? "Academic" : "General Training"})`;
  const heading = data.mockId ? `${task}, in your mock test` : task;
  if (!data.started) {
    return (
      <PaperIntro heading={heading} minutes={data.minutes} formError={result?.formError}>
        <p>
          {data.task === 1
            ? data.module === "academic"
              ? "Describe a chart, table, diagram or map"
              : "Write a letter"
            : "Write an essay giving your view"}{" "}
          in at least {data.minWords} words. You see the question when you start.
        </p>
      </PaperIntro>
    );
  }
  return (
    <article className="writing-task">
      <h1>{heading}</h1>
      {/* Above the question, so that a page reloaded without JavaScript shows it first. */}
      {result?.shortWords != null ? (
        <ShortAnswerCheck words={result.shortWords} minWords={data.minWords} />
      ) : null}
      {result?.noCredit ? (
        <NoCreditNotice
          form="writing-form"
          skill="writing"
          offlineIntent={result.noCredit.confirmedShort ? "submit-offline-short" : "submit-offline"}
        />
      ) : null}
      <p className="hint">
        Allow about {data.minutes} minutes and write at least {data.minWords} words. Your draft is
        kept if you leave and come back.
      </p>
      <QuestionView question={data.question} />
      <Form method="post" className="writing-form" id="writing-form">
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
