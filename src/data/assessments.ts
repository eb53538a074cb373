import { randomUUID } from "node:crypto";
import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import {
  isLate,
  ownedBy,
  type Assessment,
  type AssessmentStatus,
  type MockBands,
  type ObjectiveMarking,
  type PastScoring,
  type ProviderAttempt,
  type SpeakingPartAnswer,
  type Submission,
} from "../domain/assessment";
import type { Billing } from "../domain/entitlement";
import { moduleFrom, type Skill } from "../domain/module";
import { expiresAfter, RETENTION_DAYS } from "../domain/retention";
import type { ProviderName, ScoringResult } from "../domain/result";
import { updateIf, updateReturning } from "./conditional";
import { queryAll } from "./paginate";
import { getDb } from "./tables";

export async function createAssessment(input: {
  userId: string;
  skill: Skill;
  submission: Submission;
  status: "draft" | "queued";
  questionId?: string;
  timeLimitMinutes?: number;
  mockId?: string;
  now?: Date;
}): Promise<Assessment> {
  const { doc, table } = await getDb();
  const now = input.now ?? new Date();
  const at = now.toISOString();
  const assessment: Assessment = {
    assessmentId: randomUUID(),
    userId: input.userId,
    skill: input.skill,
    module: input.submission.module,
    status: input.status,
    submission: input.submission,
    questionId: input.questionId,
    createdAt: at,
    updatedAt: at,
    startedAt: at,
    deadlineAt:
      input.timeLimitMinutes === undefined
        ? undefined
        : new Date(now.getTime() + input.timeLimitMinutes * 60_000).toISOString(),
    submittedAt: input.status === "queued" ? at : undefined,
    publishCount: 0,
    ...(input.mockId ? { mockId: input.mockId } : {}),
  };
  await doc.send(
    new PutCommand({
      TableName: table("assessments"),
      Item: input.status === "draft" ? { ...assessment, expiresAt: draftExpiry(now) } : assessment,
      ConditionExpression: "attribute_not_exists(assessmentId)",
    }),
  );
  return assessment;
}

export async function getAssessment(assessmentId: string): Promise<Assessment | null> {
  const { doc, table } = await getDb();
  const { Item } = await doc.send(
    new GetCommand({
      TableName: table("assessments"),
      Key: { assessmentId },
      ConsistentRead: true,
    }),
  );
  return Item ? toAssessment(Item) : null;
}

/** A draft lives while it is worked on; every save moves its end on. */
const draftExpiry = (now: Date) => expiresAfter(RETENTION_DAYS.drafts, now);

/** `#field = :field` for each field: placeholders keep DynamoDB's reserved words out of the way. */
function setFields(fields: Record<string, unknown>) {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const sets: string[] = [];
  for (const [key, value] of Object.entries(fields)) {
    names[`#${key}`] = key;
    values[`:${key}`] = value;
    sets.push(`#${key} = :${key}`);
  }
  return { names, values, sets };
}

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

/** Autosave: only the owner's own draft, and only while it is still a draft. */
export function saveDraft(
  assessmentId: string,
  userId: string,
  submission: Submission,
  now = new Date(),
): Promise<boolean> {
  return updateOwnDraft(assessmentId, userId, { submission }, now);
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
): Promise<Assessment | null> {
  const handInId = randomUUID();
  const queued = await transition(draft.assessmentId, "draft", "queued", now, {
    submission,
    submittedAt: now.toISOString(),
    late: isLate(draft, now),
    handInId,
    ...(billing ? { billing } : {}),
  });
  if (queued) return queued;
  const { doc, table } = await getDb();
  const { Item } = await doc.send(
    new GetCommand({
      TableName: table("assessments"),
      Key: { assessmentId: draft.assessmentId },
      ConsistentRead: true,
    }),
  );
  return Item?.handInId === handInId ? toAssessment(Item) : null;
}

/**
 * queued -> scoring, once: SNS delivers at least once, so a second delivery of the same event
 * finds the status moved on and does nothing.
 */
export function claimForScoring(assessmentId: string, now = new Date()) {
  return transition(assessmentId, "queued", "scoring", now);
}

export function saveScored(
  assessmentId: string,
  result: ScoringResult,
  attempts: ProviderAttempt[],
  now = new Date(),
) {
  return transition(assessmentId, "scoring", "scored", now, { result, attempts }, [
    "rescoreProvider",
  ]);
}

export function saveFailed(
  assessmentId: string,
  failureReason: string,
  attempts: ProviderAttempt[],
  now = new Date(),
) {
  return transition(assessmentId, "scoring", "failed", now, { failureReason, attempts }, [
    "rescoreProvider",
  ]);
}

/**
 * An admin's rescore: the current outcome moves to `history` and the assessment goes back to
 * the queue for one provider. Conditional on the item being exactly as read (status and
 * updatedAt), so a result that changed in between is never dropped from the history.
 */
export async function requeueForRescore(
  assessment: Assessment,
  provider: ProviderName,
  now = new Date(),
): Promise<Assessment | null> {
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
    ExpressionAttributeNames: { "#status": "status", "#result": "result" },
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
  return updated && toAssessment(updated);
}

/** The sweeper's last word on an assessment it has re-published too often. */
export function giveUp(
  assessmentId: string,
  from: "queued" | "scoring",
  failureReason: string,
  now = new Date(),
) {
  return transition(assessmentId, from, "failed", now, { failureReason });
}

/** A stuck `scoring` (its Lambda died) goes back to the queue for the sweeper to re-publish. */
export function releaseStuck(assessmentId: string, now = new Date()) {
  return transition(assessmentId, "scoring", "queued", now);
}

/** The student's retry button: only their own failed assessment, back to the queue. */
export async function requeueFailed(
  assessmentId: string,
  userId: string,
  billing: Billing,
  now = new Date(),
) {
  if (!ownedBy(await getAssessment(assessmentId), userId)) return null;
  return transition(assessmentId, "failed", "queued", now, { publishCount: 0, billing });
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
  const { doc, table } = await getDb();
  await doc.send(
    new UpdateCommand({
      TableName: table("assessments"),
      Key: { assessmentId },
      UpdateExpression: "SET updatedAt = :at ADD publishCount :one",
      ExpressionAttributeValues: { ":at": now.toISOString(), ":one": 1 },
    }),
  );
}

export async function listUserAssessments(userId: string, limit = 100): Promise<Assessment[]> {
  return (await pageUserAssessments(userId, limit)).items;
}

/**
 * One page of the user's assessments, newest first, from where the previous page stopped:
 * `startKey` is that page's LastEvaluatedKey, handed back unchanged.
 */
export async function pageUserAssessments(
  userId: string,
  limit: number,
  startKey?: Record<string, unknown>,
): Promise<{ items: Assessment[]; lastKey?: Record<string, unknown> }> {
  const { doc, table } = await getDb();
  const { Items, LastEvaluatedKey } = await doc.send(
    new QueryCommand({
      TableName: table("assessments"),
      IndexName: "byUser",
      KeyConditionExpression: "userId = :userId",
      ExpressionAttributeValues: { ":userId": userId },
      ScanIndexForward: false,
      Limit: limit,
      ExclusiveStartKey: startKey,
    }),
  );
  return { items: (Items ?? []).map(toAssessment), lastKey: LastEvaluatedKey };
}

/** Assessments in `status` whose last change is older than `before`, oldest first. */
export async function listStale(status: "queued" | "scoring", before: Date): Promise<Assessment[]> {
  const { table } = await getDb();
  return queryAll(
    {
      TableName: table("assessments"),
      IndexName: "byStatus",
      KeyConditionExpression: "#status = :status AND updatedAt < :before",
      ExpressionAttributeNames: { "#status": "status" },
      ExpressionAttributeValues: { ":status": status, ":before": before.toISOString() },
    },
    toAssessment,
  );
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

// ---------------------------------------------------------------- Reading, Listening, mock tests

/** Autosave of a Reading or Listening draft: only the owner's, and only while still a draft. */
export async function saveAnswers(
  assessmentId: string,
  userId: string,
  answers: Record<string, string>,
  now = new Date(),
): Promise<boolean> {
  return updateOwnDraft(assessmentId, userId, { answers }, now);
}

/**
 * The student removes a handed-in attempt from their progress (an accidental submission): only
 * their own, and never one still a draft or being scored.
 */
export async function discardAssessment(
  assessmentId: string,
  userId: string,
  now = new Date(),
): Promise<boolean> {
  return updateIf("assessments", {
    Key: { assessmentId },
    UpdateExpression: "SET discardedAt = :at, updatedAt = :at",
    ConditionExpression: "userId = :userId AND #status IN (:scored, :failed)",
    ExpressionAttributeNames: { "#status": "status" },
    ExpressionAttributeValues: {
      ":at": now.toISOString(),
      ":userId": userId,
      ":scored": "scored",
      ":failed": "failed",
    },
  });
}

async function updateOwnDraft(
  assessmentId: string,
  userId: string,
  fields: Record<string, unknown>,
  now: Date,
): Promise<boolean> {
  const set = setFields(fields);
  const names = { "#status": "status", ...set.names };
  const values = {
    ":at": now.toISOString(),
    ":draft": "draft",
    ":userId": userId,
    ":expiresAt": draftExpiry(now),
    ...set.values,
  };
  const sets = ["updatedAt = :at", "expiresAt = :expiresAt", ...set.sets];
  return updateIf("assessments", {
    Key: { assessmentId },
    UpdateExpression: `SET ${sets.join(", ")}`,
    ConditionExpression: "#status = :draft AND userId = :userId",
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  });
}

/**
 * draft -> scored with the final answers and their marking, in one conditional write; a late
 * paper is marked and flagged, never refused. Null when it was already submitted.
 */
export function saveMarked(
  draft: Assessment,
  answers: Record<string, string>,
  marking: ObjectiveMarking,
  now = new Date(),
): Promise<Assessment | null> {
  return transition(draft.assessmentId, "draft", "scored", now, {
    answers,
    marking,
    submittedAt: now.toISOString(),
    late: isLate(draft, now),
  });
}

/** A mock test whose four skills are all scored: closed with its bands. */
export function completeMock(
  mockId: string,
  mockBands: MockBands,
  now = new Date(),
): Promise<Assessment | null> {
  return transition(mockId, "draft", "scored", now, { mockBands, submittedAt: now.toISOString() });
}

/**
 * The item as the domain type, field by field: attributes this version does not know (left by
 * an older or newer deploy) are dropped rather than passed on as if they were typed.
 */
function toAssessment(item: Record<string, unknown>): Assessment {
  const optional = <K extends keyof Assessment>(key: K): Partial<Pick<Assessment, K>> =>
    item[key] === undefined ? {} : ({ [key]: item[key] } as Pick<Assessment, K>);
  return {
    assessmentId: String(item.assessmentId),
    userId: String(item.userId),
    skill: item.skill as Skill,
    module: moduleFrom(item.module),
    status: item.status as AssessmentStatus,
    submission: item.submission as Submission,
    createdAt: String(item.createdAt),
    updatedAt: String(item.updatedAt),
    publishCount: Number(item.publishCount ?? 0),
    ...optional("questionId"),
    ...optional("startedAt"),
    ...optional("deadlineAt"),
    ...optional("submittedAt"),
    ...optional("late"),
    ...optional("result"),
    ...optional("attempts"),
    ...optional("failureReason"),
    ...optional("answers"),
    ...optional("marking"),
    ...optional("explanations"),
    ...optional("explainedBy"),
    ...optional("explainFailure"),
    ...optional("mockChildren"),
    ...optional("mockBands"),
    ...optional("mockId"),
    ...optional("discardedAt"),
    ...optional("billing"),
    ...optional("history"),
    ...optional("rescoreProvider"),
  };
}
