import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { CsrfInput } from "~/components/csrf-input";
import { FormMessage } from "~/components/field";
import {
  ATTACHABLE_STEPS,
  attachToMock,
  currentStep,
  loadMock,
  ownMock,
  type StepRefusal,
  type AttachableStep,
  type StepState,
} from "~/models/objective.server";
import { assessmentIdFrom } from "~/models/assessments.server";
import { MOCK_STEPS } from "../../src/assessments/mock-steps";
import { formValues, readForm } from "~/security/form.server";
import { requireUser } from "~/session.server";
import styles from "~/styles/objective.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export const meta: MetaFunction = () => [{ title: "Mock test · IELTS AI Prep" }];

async function mockFor(request: Request, param: string | undefined) {
  const user = await requireUser(request);
  const id = assessmentIdFrom(param);
  const mock = id ? await ownMock(id, user.userId) : null;
  if (!mock) throw json({ message: "That mock test was not found." }, { status: 404 });
  return mock;
}

/** Why the student was sent back here, in plain words. */
const NOTICES: Record<StepRefusal, string> = {
  "earlier-step-open":
    "Finish the parts above first: a mock test runs in the order of the real one.",
  "already-taken": "You have handed in that paper; each part of a mock test is sat once.",
};

const isNotice = (v: string | null): v is keyof typeof NOTICES => v !== null && v in NOTICES;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const mock = await mockFor(request, params.id);
  const { steps, bands } = await loadMock(mock);
  const notice = new URL(request.url).searchParams.get("notice");
  return json({
    notice: isNotice(notice) ? NOTICES[notice] : null,
    mockId: mock.assessmentId,
    module: mock.module,
    startedAt: mock.createdAt,
    steps,
    current: currentStep(steps),
    bands,
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const mock = await mockFor(request, params.id);
  const { form, problem } = await readForm(request);
  if (problem) return json({ formError: problem }, 403);
  const { step, childId } = formValues(form, ["step", "childId"]);
  const outcome = (ATTACHABLE_STEPS as readonly string[]).includes(step)
    ? await attachToMock(mock, step as AttachableStep, childId)
    : "not-a-choice";
  if (outcome === "attached") return redirect(`/mock-tests/${mock.assessmentId}`);
  if (outcome === "not-a-choice") {
    return json({ formError: "Choose one of your attempts listed for this part." }, 400);
  }
  return json({ formError: NOTICES[outcome] }, 409);
}

function startUrl(step: StepState["step"], module: string, mockId: string): string {
  const query = new URLSearchParams({ module, mockId });
  if (step === "writing1" || step === "writing2") {
    query.set("task", step === "writing1" ? "1" : "2");
    return `/assessments/writing/new?${query}`;
  }
  return `/assessments/${step}/new?${query}`;
}

const dateTime = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "UTC",
});

function Step(props: { state: StepState; current: boolean; mockId: string; module: string }) {
  const { state } = props;
  const info = MOCK_STEPS.find((s) => s.step === state.step)!;
  const done = state.assessment && state.assessment.status !== "draft";
  return (
    <li className={props.current ? "step-current" : undefined}>
      <strong>{info.name}</strong> ({info.minutes}):{" "}
      {done ? (
        <>
          {state.band !== null ? `band ${state.band.toFixed(1)}` : "being scored"} ·{" "}
          <Link to={`/assessments/${state.assessment!.assessmentId}`}>Report</Link>
        </>
      ) : props.current ? (
        <Link to={startUrl(state.step, props.module, props.mockId)} className="button">
          {state.assessment ? "Continue" : "Start"} {info.name}
        </Link>
      ) : (
        "not started"
      )}
      {props.current && state.choices.length > 0 ? (
        <Form method="post" className="attach">
          <CsrfInput />
          <input type="hidden" name="step" value={state.step} />
          <p>Finished this part? Choose the attempt that counts:</p>
          {state.choices.map((c) => (
            <label key={c.assessmentId} className="choice">
              <input type="radio" name="childId" value={c.assessmentId} required />
              Submitted {dateTime.format(new Date(c.createdAt))} UTC ({c.status})
            </label>
          ))}
          <button type="submit" className="button-secondary">
            Count this attempt
          </button>
        </Form>
      ) : null}
    </li>
  );
}

export default function MockTest() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <section>
      <h1>Mock test ({data.module === "academic" ? "Academic" : "General Training"})</h1>
      <p className="hint">
        Started {dateTime.format(new Date(data.startedAt))} UTC. Do the parts in order; you can
        leave and come back to this page at any time.
      </p>
      <FormMessage tone="error" message={result?.formError ?? data.notice} />
      <ol className="steps">
        {data.steps.map((s) => (
          <Step
            key={s.step}
            state={s}
            current={s.step === data.current}
            mockId={data.mockId}
            module={data.module}
          />
        ))}
      </ol>
      {data.bands ? (
        <section aria-labelledby="overall-heading">
          <h2 id="overall-heading">Overall band {data.bands.overall.toFixed(1)}</h2>
          <p>
            Listening {data.bands.listening.toFixed(1)} · Reading {data.bands.reading.toFixed(1)} ·
            Writing {data.bands.writing.toFixed(1)} · Speaking {data.bands.speaking.toFixed(1)}
          </p>
          <p className="hint">
            The overall band is the mean of the four, rounded as IELTS does (.25 up to the next half
            band, .75 up to the next whole band). Writing counts Task 2 twice as much as Task 1, an
            estimate: the exact weighting is not published.
          </p>
        </section>
      ) : data.current === null ? (
        <p>All parts are in. The overall band appears when every part has been scored.</p>
      ) : null}
    </section>
  );
}
