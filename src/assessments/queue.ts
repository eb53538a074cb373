import type { Assessment } from "../domain/assessment";
import { listStale } from "../data/assessments";
import { giveUp, recordPublished, releaseStuck } from "../data/assessment-transitions";
import type { Publish, ScoringEventName } from "../data/events";
import { refundCredit } from "../commerce/credits";

function eventFor(assessment: Pick<Assessment, "skill">): ScoringEventName {
  return assessment.skill === "speaking" ? "score-speaking" : "score-writing";
}

/**
 * How long a hand-in waits for the event bus. SNS answers in tens of milliseconds; one that has
 * not answered by now is treated as failed (the sweeper publishes again), so the student's page
 * is not held until the HTTP Lambda is killed. A late delivery of this one is harmless: the
 * worker's claim lets only one delivery score.
 */
export const PUBLISH_TIMEOUT_MS = 3_000;

function withinPublishTimeout(published: Promise<void>): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`no answer from the event bus within ${PUBLISH_TIMEOUT_MS} ms`)),
      PUBLISH_TIMEOUT_MS,
    );
  });
  // A publish that fails after the timeout has nobody waiting for it: not an unhandled rejection.
  published.catch(() => undefined);
  return Promise.race([published, timedOut]).finally(() => clearTimeout(timer));
}

/**
 * The assessment is already stored as `queued`; a publish that fails only delays it, because
 * the sweeper finds queued assessments and publishes them again. So a failure here is logged,
 * not thrown: the student's submission is safe either way.
 */
export async function enqueueScoring(
  assessment: Pick<Assessment, "assessmentId" | "skill">,
  publish: Publish,
  now = new Date(),
): Promise<boolean> {
  try {
    await withinPublishTimeout(
      publish(eventFor(assessment), { assessmentId: assessment.assessmentId }),
    );
    await recordPublished(assessment.assessmentId, now);
    return true;
  } catch (error) {
    console.error("publish failed; the sweeper will retry", assessment.assessmentId, error);
    return false;
  }
}

export const SWEEP_POLICY = {
  /** A queued assessment normally starts scoring within seconds. */
  queuedAfterMs: 2 * 60_000,
  /** Longer than a worker's whole retry budget (its Lambda timeout). */
  scoringAfterMs: 5 * 60_000,
  maxPublishes: 4,
} as const;

export const GAVE_UP_REASON =
  "We could not score this after several tries. Your answer is saved: press retry to try again.";

export interface SweepReport {
  republished: string[];
  gaveUp: string[];
}

export async function sweepStuck(
  publish: Publish,
  now = new Date(),
  policy: { queuedAfterMs: number; scoringAfterMs: number; maxPublishes: number } = SWEEP_POLICY,
): Promise<SweepReport> {
  const report: SweepReport = { republished: [], gaveUp: [] };
  const stuckScoring = await listStale("scoring", new Date(now.getTime() - policy.scoringAfterMs));
  const stuckQueued = await listStale("queued", new Date(now.getTime() - policy.queuedAfterMs));
  for (const assessment of [...stuckScoring, ...stuckQueued]) {
    if (assessment.publishCount >= policy.maxPublishes) {
      const failed = await giveUp(
        assessment.assessmentId,
        assessment.status as "queued" | "scoring",
        GAVE_UP_REASON,
        now,
      );
      if (failed) {
        await refundCredit(failed);
        report.gaveUp.push(assessment.assessmentId);
      }
      continue;
    }
    if (assessment.status === "scoring" && !(await releaseStuck(assessment.assessmentId, now))) {
      continue;
    }
    if (await enqueueScoring(assessment, publish, now)) {
      report.republished.push(assessment.assessmentId);
    }
  }
  return report;
}
