import { randomUUID } from "node:crypto";
import {
  isLate,
  isMock,
  isObjective,
  isScoredByWorker,
  ownedBy,
  type Assessment,
  type AssessmentStatus,
  type MockAssessment,
  type MockBands,
  type ObjectiveAssessment,
  type ObjectiveMarking,
  type PastScoring,
  type ProviderAttempt,
  type ScoredAssessment,
  type SpeakingPartAnswer,
  type Submission,
} from "../domain/assessment";
import type { Billing } from "../domain/entitlement";
import type { ProviderName, ScoringResult } from "../domain/result";
import { toAssessment } from "./assessment-item";
import { getAssessment, getAssessmentItem, setFields } from "./assessments";
import { updateItem } from "./commands";
import { updateIf, updateReturning } from "./conditional";

/**
 * An assessment's moves between statuses (hand-in, scoring, marking, rescore, sweep): each is
 * one conditional write on the status it moves from, so two requests or two deliveries of the
 * same event never both move it.
 */

/** A write that only one kind of assessment can take found another: a bug, not a user error. */
function narrowed<T extends Assessment>(
  assessment: Assessment | null,
  is: (assessment: Assessment) => assessment is T,
): T | null {
  if (assessment && !is(assessment)) {
    throw new Error(
      `assessment ${assessment.assessmentId} (${assessment.skill}) cannot take this change`,
    );
  }
  return assessment;
}

/** Writing and Speaking are the only skills that pass through the scoring queue. */
const queued = (assessment: Assessment | null) => narrowed(assessment, isScoredByWorker);

async function transition(
  assessmentId: string,
  from: AssessmentStatus,
  to: AssessmentStatus,
  now: Date,
  extra: Record<string, unknown> = {},
  remove: readonly string[] = [],
): Promise<Assessment | null> {
  const set = setFields(extra);
  const names = { "#status": "status", ...set.names };
  const values = { ":from": from, ":to": to, ":at": now.toISOString(), ...set.values };
  const sets = ["#status = :to", "updatedAt = :at", ...set.sets];
  // Handed in, it is the student's history: only drafts expire.
  const removed = from === "draft" ? [...remove, "expiresAt"] : remove;
  const updated = await updateReturning("assessments", {
    Key: { assessmentId },
    UpdateExpression: `SET ${sets.join(", ")}${removed.length ? ` REMOVE ${removed.join(", ")}` : ""}`,
    ConditionExpression: "#status = :from",
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
    ReturnValues: "ALL_NEW",
  });
  return updated && toAssessment(updated);
}

/**
 * draft -> queued with the final text; a late submission is kept and marked, never refused.
 * Null when it was handed in already, by another request. The SDK retries a write whose answer
 * never came (timed out): if the first try did land, the retry's condition fails, and the
 * hand-in's own id tells that it was this one (to be published and kept paid for), not another.
 */
export async function submitDraft(
  draft: Assessment,
  submission: Submission,
  now = new Date(),
  billing?: Billing,
): Promise<ScoredAssessment | null> {
  const handInId = randomUUID();
  const handedIn = await transition(draft.assessmentId, "draft", "queued", now, {
    submission,
    submittedAt: now.toISOString(),
    late: isLate(draft, now),
    handInId,
    ...(billing ? { billing } : {}),
  });
  if (handedIn) return queued(handedIn);
  const item = await getAssessmentItem(draft.assessmentId);
  return queued(item?.handInId === handInId ? toAssessment(item) : null);
}

/**
 * queued -> scoring, once: SNS delivers at least once, so a second delivery of the same event
 * finds the status moved on and does nothing.
 */
export function claimForScoring(assessmentId: string, now = new Date()) {
  return transition(assessmentId, "queued", "scoring", now).then(queued);
}

/** scoring -> scored or failed, with the attempts that led there; a rescore's provider goes. */
type ScoringEnd<Outcome> = (
  assessmentId: string,
  outcome: Outcome,
  attempts: ProviderAttempt[],
  now?: Date,
) => Promise<ScoredAssessment | null>;

function endScoring(
  assessmentId: string,
  to: "scored" | "failed",
  fields: Record<string, unknown>,
  now: Date,
) {
  return transition(assessmentId, "scoring", to, now, fields, ["rescoreProvider"]).then(queued);
}

export const saveScored: ScoringEnd<ScoringResult> = (assessmentId, result, attempts, now) =>
  endScoring(assessmentId, "scored", { result, attempts }, now ?? new Date());

export const saveFailed: ScoringEnd<string> = (assessmentId, failureReason, attempts, now) =>
  endScoring(assessmentId, "failed", { failureReason, attempts }, now ?? new Date());

/**
 * An admin's rescore: the current outcome moves to `history` and the assessment goes back to
 * the queue for one provider. Conditional on the item being exactly as read (status and
 * updatedAt), so a result that changed in between is never dropped from the history.
 */
export async function requeueForRescore(
  assessment: ScoredAssessment,
  provider: ProviderName,
  now = new Date(),
): Promise<ScoredAssessment | null> {
  if (assessment.status !== "scored" && assessment.status !== "failed") return null;
  const past: PastScoring = {
    status: assessment.status,
    scoredAt: assessment.updatedAt,
    ...(assessment.result ? { result: assessment.result } : {}),
    ...(assessment.attempts ? { attempts: assessment.attempts } : {}),
    ...(assessment.failureReason ? { failureReason: assessment.failureReason } : {}),
  };
  const updated = await updateReturning("assessments", {
    Key: { assessmentId: assessment.assessmentId },
    UpdateExpression:
      "SET #status = :queued, updatedAt = :at, publishCount = :zero, rescoreProvider = :provider, history = list_append(if_not_exists(history, :empty), :past) REMOVE #result, failureReason",
    ConditionExpression: "#status = :from AND updatedAt = :seen",
    ExpressionAttributeValues: {
      ":queued": "queued",
      ":at": now.toISOString(),
      ":zero": 0,
      ":provider": provider,
      ":empty": [],
      ":past": [past],
      ":from": assessment.status,
      ":seen": assessment.updatedAt,
    },
    ReturnValues: "ALL_NEW",
  });
  return queued(updated && toAssessment(updated));
}

/** The sweeper's last word on an assessment it has re-published too often. */
export function giveUp(
  assessmentId: string,
  from: "queued" | "scoring",
  failureReason: string,
  now = new Date(),
) {
  return transition(assessmentId, from, "failed", now, { failureReason }).then(queued);
}

/** A stuck `scoring` (its Lambda died) goes back to the queue for the sweeper to re-publish. */
export function releaseStuck(assessmentId: string, now = new Date()) {
  return transition(assessmentId, "scoring", "queued", now).then(queued);
}

/** The student's retry button: only their own failed assessment, back to the queue. */
export async function requeueFailed(
  assessmentId: string,
  userId: string,
  billing: Billing,
  now = new Date(),
) {
  if (!ownedBy(await getAssessment(assessmentId), userId)) return null;
  return transition(assessmentId, "failed", "queued", now, { publishCount: 0, billing }).then(
    queued,
  );
}

/** The credit this assessment paid with is given back: true for the one call that marks it. */
export async function markBillingRefunded(
  assessmentId: string,
  bucketId: string,
  now = new Date(),
): Promise<boolean> {
  return updateIf("assessments", {
    Key: { assessmentId },
    UpdateExpression: "SET billing.refundedAt = :at",
    ConditionExpression:
      "billing.scoring = :cloud AND billing.bucketId = :bucket AND attribute_not_exists(billing.refundedAt)",
    ExpressionAttributeValues: {
      ":at": now.toISOString(),
      ":cloud": "cloud",
      ":bucket": bucketId,
    },
  });
}

export async function recordPublished(assessmentId: string, now = new Date()): Promise<void> {
  await updateItem("assessments", {
    Key: { assessmentId },
    UpdateExpression: "SET updatedAt = :at ADD publishCount :one",
    ExpressionAttributeValues: { ":at": now.toISOString(), ":one": 1 },
  });
}

/**
 * A Speaking test's parts with what speech to text heard, saved while it is being scored, so a
 * retry scores the same words without transcribing (and paying) again.
 */
export async function saveSpeakingParts(
  assessmentId: string,
  parts: SpeakingPartAnswer[],
  now = new Date(),
): Promise<boolean> {
  return updateIf("assessments", {
    Key: { assessmentId },
    UpdateExpression: "SET #submission.#parts = :parts, updatedAt = :at",
    ConditionExpression: "#status = :scoring AND #submission.#kind = :speaking",
    ExpressionAttributeNames: {
      "#status": "status",
      "#submission": "submission",
      "#parts": "parts",
      "#kind": "kind",
    },
    ExpressionAttributeValues: {
      ":parts": parts,
      ":at": now.toISOString(),
      ":scoring": "scoring",
      ":speaking": "speaking",
    },
  });
}

/**
 * draft -> scored with the final answers and their marking, in one conditional write; a late
 * paper is marked and flagged, never refused. Null when it was already submitted.
 */
export function saveMarked(
  draft: ObjectiveAssessment,
  answers: Record<string, string>,
  marking: ObjectiveMarking,
  now = new Date(),
): Promise<ObjectiveAssessment | null> {
  return transition(draft.assessmentId, "draft", "scored", now, {
    answers,
    marking,
    submittedAt: now.toISOString(),
    late: isLate(draft, now),
  }).then((marked) => narrowed(marked, isObjective));
}

/** A mock test whose four skills are all scored: closed with its bands. */
export function completeMock(
  mockId: string,
  mockBands: MockBands,
  now = new Date(),
): Promise<MockAssessment | null> {
  return transition(mockId, "draft", "scored", now, {
    mockBands,
    submittedAt: now.toISOString(),
  }).then((closed) => narrowed(closed, isMock));
}
