import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { FormMessage } from "~/components/field";
import {
  currentStep,
  loadMock,
  ownMock,
  type StepRefusal,
  type StepState,
} from "~/models/objective.server";
import { assessmentIdFrom } from "~/models/assessments.server";
import { MOCK_STEPS } from "../../src/assessments/mock-steps";
import { requireUser } from "~/permissions.server";
import styles from "~/styles/objective.css";
import { stylesheet, pageTitle } from "~/route-head";

export const links = stylesheet(styles);

export const meta = pageTitle("Mock test");

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
    </li>
  );
}

export default function MockTest() {
  const data = useLoaderData<typeof loader>();
  return (
    <section>
      <h1>Mock test ({data.module === "academic" ? "Academic" : "General Training"})</h1>
      <p className="hint">
        Started {dateTime.format(new Date(data.startedAt))} UTC. Do the parts in order; you can
        leave and come back to this page at any time.
      </p>
      <FormMessage tone="error" message={data.notice} />
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
