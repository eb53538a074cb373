import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { cloudFallbacks } from "../../src/assessments/fallback";
import { isScoredByWorker, type ProviderAttempt } from "../../src/domain/assessment";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { adminForm, doneReply } from "~/admin.server";
import { AuditTable } from "~/components/admin/AuditTable";
import { formatTime, formatUsd } from "~/components/admin/format";
import { CsrfInput } from "~/components/csrf-input";
import { FormMessage, Options } from "~/components/field";
import { ScoreReport } from "~/components/result/ScoreReport";
import { AdminTable, type Column } from "~/components/table";
import { inspectAssessment, rescoreAssessment, rescoreSchema } from "~/models/admin.server";
import { assessmentIdFrom, joinedTranscript, publishEvent } from "~/models/assessments.server";
import { requireRole } from "~/permissions.server";
import resultStyles from "~/styles/result.css";
import { stylesheet, pageTitle } from "~/route-head";

export const links = stylesheet(resultStyles);

export const meta = pageTitle("Assessment · Admin");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireRole(request, "admin");
  const id = assessmentIdFrom(params.assessmentId);
  const found = id ? await inspectAssessment(actor, id) : null;
  if (!found) throw json({ message: "Not found" }, { status: 404 });
  const s = found.assessment.submission;
  return json({
    ...found,
    fellBackFrom: isScoredByWorker(found.assessment)
      ? cloudFallbacks(found.assessment.attempts)
      : [],
    text:
      s.kind === "writing"
        ? s.response
        : s.kind === "speaking"
          ? joinedTranscript(s.parts.map((p) => p.transcript))
          : "",
    question:
      s.kind === "writing"
        ? [s.prompt]
        : s.kind === "speaking"
          ? s.parts.flatMap((p) => p.questions.map((q) => `Part ${p.part}: ${q}`))
          : [],
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const read = await adminForm(request, ["provider", "reason"], () =>
    rescoreSchema.omit({ assessmentId: true }),
  );
  if ("refused" in read) return read.refused;
  const assessmentId = assessmentIdFrom(params.assessmentId);
  if (!assessmentId) throw json({ message: "Not found" }, { status: 404 });
  const result = await rescoreAssessment(read.actor, { ...read.data, assessmentId }, publishEvent);
  if (!result.ok) return read.fail(409, result.message);
  return doneReply(
    `Queued for scoring again with ${read.data.provider}; the earlier result is kept below.`,
  );
}

const ATTEMPT_COLUMNS: Column<ProviderAttempt>[] = [
  { header: "Provider", cell: (a) => a.provider },
  { header: "Model", cell: (a) => a.modelId ?? "" },
  {
    header: "Outcome (guard)",
    cell: (a) => (a.ok ? "used" : `failed: ${a.error ?? "no reason given"}`),
  },
  { header: "Latency", cell: (a) => <>{a.latencyMs} ms</> },
  {
    header: "Tokens in / out",
    cell: (a) => (a.billed ? `${a.billed.inputTokens} / ${a.billed.outputTokens}` : ""),
  },
  { header: "Cost", cell: (a) => (a.billed ? formatUsd(a.billed.costUsd) : "") },
];

function Attempts({ attempts }: { attempts: readonly ProviderAttempt[] }) {
  if (attempts.length === 0) return <p>No scoring attempts recorded.</p>;
  return (
    <AdminTable
      label="Scoring attempts"
      columns={ATTEMPT_COLUMNS}
      rows={attempts}
      rowKey={(_, i) => i}
    />
  );
}

export default function InspectAssessment() {
  const {
    assessment: a,
    safetyLogs,
    history,
    rescoreProviders,
    text,
    question,
    fellBackFrom,
  } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  // Only Writing and Speaking go through a scoring worker, with its result and attempts.
  const scored = a.skill === "writing" || a.skill === "speaking" ? a : null;
  const scorable = scored !== null && (a.status === "scored" || a.status === "failed");
  return (
    <section>
      <h1>
        {a.skill} assessment <span className="muted">({a.status})</span>
      </h1>
      <FormMessage tone="error" message={reply?.formError} />
      <FormMessage tone="info" message={reply?.done} />
      <p>
        <Link to={`/admin/users/${a.userId}`}>The student</Link> · created {formatTime(a.createdAt)}
        {a.submittedAt ? ` · submitted ${formatTime(a.submittedAt)}` : ""} · id {a.assessmentId}
      </p>

      <h2>Submission</h2>
      {question.map((q) => (
        <p key={q}>
          <strong>{q}</strong>
        </p>
      ))}
      {text ? (
        <pre>{text}</pre>
      ) : (
        <p>No text: a Reading or Listening paper, marked against the key.</p>
      )}

      <h2>Scoring attempts</h2>
      {scored?.result ? (
        <p>
          Result from {scored.result.provider} ({scored?.result.modelId}):{" "}
          {scored?.result.inputTokens} / {scored?.result.outputTokens} tokens,{" "}
          {formatUsd(scored?.result.costUsd)}, {scored?.result.latencyMs} ms
        </p>
      ) : null}
      {scored?.failureReason ? <p>Failed: {scored?.failureReason}</p> : null}
      <Attempts attempts={scored?.attempts ?? []} />

      <h2>AI-safety events</h2>
      {safetyLogs.length === 0 ? (
        <p>None.</p>
      ) : (
        <ul>
          {safetyLogs.map((log) => (
            <li key={log.logId}>
              {formatTime(log.createdAt)} · {log.kind} {log.provider ? `(${log.provider})` : ""}:{" "}
              {log.detail}
            </li>
          ))}
        </ul>
      )}

      {scorable ? (
        <>
          <h2>Score again</h2>
          <Form method="post" className="form">
            <CsrfInput />
            <div className="field">
              <label htmlFor="rescore-provider">Provider</label>
              <select
                id="rescore-provider"
                name="provider"
                defaultValue={reply?.values.provider || rescoreProviders[0]}
              >
                <Options choices={rescoreProviders.map((p) => [p, p] as const)} />
              </select>
            </div>
            <div className="field">
              <label htmlFor="rescore-reason">Reason</label>
              <input
                id="rescore-reason"
                name="reason"
                required
                minLength={3}
                maxLength={500}
                defaultValue={reply?.values.reason}
              />
            </div>
            <button type="submit" name="intent" value="rescore">
              Score again
            </button>
          </Form>
        </>
      ) : null}

      <h2>The result as the student sees it</h2>
      {scored?.result ? (
        <ScoreReport
          result={scored?.result}
          text={text}
          question={question}
          speaking={a.skill === "speaking"}
          fellBackFrom={fellBackFrom}
        />
      ) : (
        <p>No band yet.</p>
      )}

      <h2>Earlier results ({scored?.history?.length ?? 0})</h2>
      {(scored?.history ?? []).map((past, i) => (
        <section key={past.scoredAt} aria-labelledby={`past-${i}`}>
          <h3 id={`past-${i}`}>
            {past.status} {formatTime(past.scoredAt)}
            {past.result ? ` · band ${past.result.overall} from ${past.result.provider}` : ""}
          </h3>
          {past.failureReason ? <p>{past.failureReason}</p> : null}
          <Attempts attempts={past.attempts ?? []} />
        </section>
      ))}

      <h2>Admin history</h2>
      {history.length === 0 ? (
        <p>No admin has acted on this assessment.</p>
      ) : (
        <AuditTable entries={history} />
      )}
    </section>
  );
}
