import { Link } from "@remix-run/react";
import { useEffect, useState } from "react";
import { usePolling } from "~/components/use-polling";

const POLL_MS = 2_000;
/** Without JavaScript the page reloads itself this often while the answer is scored. */
const REFRESH_SECONDS = 5;

const STAGES = [
  { status: "queued", label: "Waiting for a scorer" },
  { status: "scoring", label: "Scoring: grammar, vocabulary, organisation and the task" },
] as const;

function elapsed(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  return seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}

/** With JavaScript: asks the server again every few seconds and counts the seconds waited. */
function useWaiting() {
  usePolling(POLL_MS);
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    const tick = setInterval(() => setNow(Date.now()), 1_000);
    setNow(Date.now());
    return () => clearInterval(tick);
  }, []);
  return now;
}

/** From a step of a mock test, the way on to the next step (scoring goes on meanwhile). */
export function BackToMock({ mockId }: { mockId: string }) {
  return (
    <p>
      <Link to={`/mock-tests/${mockId}`} className="button">
        Back to your mock test
      </Link>
    </p>
  );
}

/**
 * The page while an answer is scored. Without JavaScript a meta refresh (inside <noscript>, so
 * a browser running scripts never reloads the whole page) keeps it current, says so, and can be
 * stopped with `?refresh=off`; with JavaScript only the data is fetched again.
 */
export function ScoringProgress(props: {
  status: string;
  submittedAt: string;
  serverNow: number;
  refresh: boolean;
  stopUrl: string;
  resumeUrl: string;
  mockId: string | null;
}) {
  const now = useWaiting();
  const submitted = Date.parse(props.submittedAt);
  const waited = (now ?? props.serverNow) - submitted;
  const current = STAGES.findIndex((s) => s.status === props.status);
  return (
    <section aria-labelledby="scoring-heading">
      <h1 id="scoring-heading">Scoring your answer</h1>
      <ol className="stages">
        {STAGES.map((stage, i) => (
          <li key={stage.status} className={i <= current ? "stage-done" : undefined}>
            {stage.label}
            {i === current ? " (now)" : ""}
          </li>
        ))}
      </ol>
      {/* Only the stage is a live region: a count read out every second would be noise. */}
      <p role="status">Now: {STAGES[current]?.label ?? "Scoring"}.</p>
      <p>Submitted {elapsed(waited)} ago.</p>
      <p>
        Scoring usually takes 10 to 60 seconds. Your answer is saved: you can leave and come back to
        this page.
      </p>
      <noscript>
        {props.refresh ? (
          <>
            <meta httpEquiv="refresh" content={String(REFRESH_SECONDS)} />
            <p>
              This page reloads every {REFRESH_SECONDS} seconds until the score is in.{" "}
              <Link to={props.stopUrl}>Stop reloading</Link>
            </p>
          </>
        ) : (
          <p>
            Reloading is off. <Link to={props.stopUrl}>Check now</Link> ·{" "}
            <Link to={props.resumeUrl}>Reload by itself again</Link>
          </p>
        )}
      </noscript>
      {props.mockId ? <BackToMock mockId={props.mockId} /> : null}
    </section>
  );
}
