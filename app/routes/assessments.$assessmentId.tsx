import { isScoredByWorker, ownedBy, spokenText } from "../../src/domain/assessment";
import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { cloudFallbacks } from "../../src/assessments/fallback";
import { REPORT_REASONS } from "../../src/assessments/report-reasons";
import { CsrfInput } from "~/components/csrf-input";
import { FormMessage, Options } from "~/components/field";
import { ObjectiveResult } from "~/components/objective/ObjectiveResult";
import { ScoreReport } from "~/components/result/ScoreReport";
import { RemoveFromProgress } from "~/components/result/RemoveFromProgress";
import { BackToMock, ScoringProgress } from "~/components/result/ScoringProgress";
import { loadObjectiveResult, mockIdOf, objectiveResumeUrl } from "~/models/objective.server";
import {
  assessmentIdFrom,
  createContentReport,
  discardAssessment,
  joinedTranscript,
  retryScoring,
  getAssessment,
  publishEvent,
  reportOutcomes,
  reportSchema,
  scoringOptions,
  type Assessment,
} from "~/models/assessments.server";
import { formValues, readForm } from "~/security/form.server";
import { requireUser } from "~/permissions.server";
import objectiveStyles from "~/styles/objective.css";
import resultStyles from "~/styles/result.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: resultStyles },
  { rel: "stylesheet", href: objectiveStyles },
];

const PENDING = new Set(["queued", "scoring"]);

export const meta: MetaFunction<typeof loader> = () => [{ title: "Your result · IELTS AI Prep" }];

async function ownAssessment(request: Request, param: string | undefined) {
  const user = await requireUser(request);
  const id = assessmentIdFrom(param);
  // Someone else's assessment is "not found", never "forbidden": ids reveal nothing.
  const assessment = ownedBy(id ? await getAssessment(id) : null, user.userId);
  if (!assessment) {
    throw json({ message: "Not found" }, { status: 404 });
  }
  return { user, assessment };
}

function shownText(assessment: Assessment): string {
  const s = assessment.submission;
  if (s.kind === "writing") return s.response;
  if (s.kind === "speaking") return joinedTranscript(s.parts.map(spokenText));
  return "";
}

/** What the student was asked, shown above the result so the feedback can be read against it. */
function questionOf(assessment: Assessment): string[] {
  const s = assessment.submission;
  if (s.kind === "writing") return [s.prompt];
  if (s.kind === "speaking")
    return s.parts.flatMap((p) => p.questions.map((q) => `Part ${p.part}: ${q}`));
  return [];
}

function resumeUrl(assessment: Assessment): string {
  const s = assessment.submission;
  if (s.kind === "writing") return `/assessments/writing/new?task=${s.task}&module=${s.module}`;
  if (s.kind === "mock") return `/mock-tests/${assessment.assessmentId}`;
  return (
    objectiveResumeUrl(assessment) ?? `/assessments/${assessment.skill}/new?module=${s.module}`
  );
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, assessment } = await ownAssessment(request, params.assessmentId);
  if (assessment.status === "draft" || assessment.submission.kind === "mock") {
    throw redirect(resumeUrl(assessment));
  }
  const scored = isScoredByWorker(assessment) ? assessment : null;
  return json({
    assessmentId: assessment.assessmentId,
    skill: assessment.skill,
    module: assessment.module,
    status: assessment.status,
    task: assessment.submission.kind === "writing" ? assessment.submission.task : null,
    late: assessment.late ?? false,
    submittedAt: assessment.submittedAt ?? assessment.createdAt,
    result: scored?.result ?? null,
    fellBackFrom: cloudFallbacks(scored?.attempts),
    failureReason: scored?.failureReason ?? null,
    text: shownText(assessment),
    question: questionOf(assessment),
    objective: loadObjectiveResult(assessment),
    serverNow: Date.now(),
    discardedAt: assessment.discardedAt ?? null,
    mockId: mockIdOf(assessment) ?? null,
    reports: await reportOutcomes(user.userId, assessment.assessmentId),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, assessment } = await ownAssessment(request, params.assessmentId);
  const { form, problem } = await readForm(request);
  const values = formValues(form, ["intent", "reason", "comment"] as const);
  const reply = (status: number, formError: string | null, reported = false) =>
    json({ values, formError, reported }, status);
  if (problem) return reply(403, problem);

  if (values.intent === "discard") {
    await discardAssessment(assessment.assessmentId, user.userId);
    return redirect(`/assessments/${assessment.assessmentId}`);
  }
  if (values.intent === "retry") {
    await retryScoring(assessment, user.userId, scoringOptions("cloud"), publishEvent);
    return redirect(`/assessments/${assessment.assessmentId}`);
  }
  const parsed = reportSchema.safeParse(values);
  if (!parsed.success) return reply(400, parsed.error.issues[0]?.message ?? "Check the form.");
  await createContentReport({
    userId: user.userId,
    assessmentId: assessment.assessmentId,
    ...parsed.data,
  });
  return reply(200, null, true);
}

export default function AssessmentResult() {
  const data = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const [search] = useSearchParams();
  const title =
    data.skill === "writing"
      ? `Writing Task ${data.task}`
      : data.skill.charAt(0).toUpperCase() + data.skill.slice(1);

  if (PENDING.has(data.status)) {
    const here = `/assessments/${data.assessmentId}`;
    return (
      <ScoringProgress
        status={data.status}
        submittedAt={data.submittedAt}
        serverNow={data.serverNow}
        refresh={search.get("refresh") !== "off"}
        stopUrl={`${here}?refresh=off`}
        resumeUrl={here}
        mockId={data.mockId}
      />
    );
  }

  return (
    <article className="result">
      <h1>
        {title} result{" "}
        <span className="muted">
          ({data.module === "academic" ? "Academic" : "General Training"})
        </span>
      </h1>
      <p className="hint">
        Submitted {new Date(data.submittedAt).toUTCString()}
        {data.late ? " · after the time limit (marked as late)" : ""}
      </p>
      {data.status === "failed" ? (
        <section className="failed">
          <FormMessage tone="error" message={data.failureReason} />
          <Form method="post">
            <CsrfInput />
            <button type="submit" name="intent" value="retry">
              Try scoring again
            </button>
          </Form>
        </section>
      ) : null}
      {data.objective ? <ObjectiveResult {...data.objective} /> : null}
      {data.result ? (
        <ScoreReport
          result={data.result}
          text={data.text}
          question={data.question}
          speaking={data.skill === "speaking"}
          fellBackFrom={data.fellBackFrom}
        />
      ) : null}
      {/* A Reading or Listening review has this link among its own. */}
      {data.mockId && !data.objective ? <BackToMock mockId={data.mockId} /> : null}

      <RemoveFromProgress discardedAt={data.discardedAt} />

      <section aria-labelledby="report" className="report">
        <h2 id="report">Is something wrong with this feedback?</h2>
        {data.reports.length > 0 ? (
          <ul className="report-outcomes">
            {data.reports.map((r) => (
              <li key={r.reportId}>
                Your report of {new Date(r.createdAt).toUTCString()}:{" "}
                {r.status === "open"
                  ? "we are looking at it."
                  : `${r.status === "resolved" ? "resolved" : "dismissed"}. ${r.note ?? ""}`}
              </li>
            ))}
          </ul>
        ) : null}
        {reply?.reported ? (
          <FormMessage tone="info" message="Thank you. We read every report." />
        ) : (
          <Form method="post" className="form">
            <CsrfInput />
            <FormMessage tone="error" message={reply?.formError} />
            <div className="field">
              <label htmlFor="report-reason">What is wrong?</label>
              <select
                id="report-reason"
                name="reason"
                defaultValue={reply?.values.reason || "wrong"}
              >
                <Options choices={Object.entries(REPORT_REASONS)} />
              </select>
            </div>
            <div className="field">
              <label htmlFor="report-comment">Tell us more (optional)</label>
              <textarea
                id="report-comment"
                name="comment"
                rows={3}
                defaultValue={reply?.values.comment}
              />
            </div>
            <button type="submit" name="intent" value="report" className="button-secondary">
              Report this feedback
            </button>
          </Form>
        )}
      </section>
      <p>
        <Link to="/dashboard">Back to your dashboard</Link>
      </p>
    </article>
  );
}
