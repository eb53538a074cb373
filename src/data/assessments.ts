import { randomUUID } from "node:crypto";
import type { Assessment, AssessmentBySkill, Submission } from "../domain/assessment";
import type { Skill } from "../domain/module";
import { expiresAfter, RETENTION_DAYS } from "../domain/retention";
import { toAssessment } from "./assessment-item";
import { getItem, putNew } from "./commands";
import { updateIf } from "./conditional";
import { queryAll, queryPage } from "./paginate";

export interface NewAssessment<S extends Skill> {
  userId: string;
  skill: S;
  submission: AssessmentBySkill[S]["submission"];
  status: "draft" | "queued";
  questionId?: string;
  timeLimitMinutes?: number;
  mockId?: string;
  now?: Date;
}

export async function createAssessment<S extends Skill>(
  input: NewAssessment<S>,
): Promise<AssessmentBySkill[S]> {
  const now = input.now ?? new Date();
  const at = now.toISOString();
  const item = {
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
  await putNew(
    "assessments",
    input.status === "draft" ? { ...item, expiresAt: draftExpiry(now) } : item,
    "assessmentId",
  );
  // toAssessment refuses a skill and submission that disagree, so the item is of skill S.
  return toAssessment(item) as AssessmentBySkill[S];
}

/** The stored item as it is, for the writes that must read an attribute the domain does not keep. */
export function getAssessmentItem(
  assessmentId: string,
): Promise<Record<string, unknown> | undefined> {
  return getItem("assessments", { assessmentId });
}

export async function getAssessment(assessmentId: string): Promise<Assessment | null> {
  const item = await getAssessmentItem(assessmentId);
  return item ? toAssessment(item) : null;
}

/** A draft lives while it is worked on; every save moves its end on. */
const draftExpiry = (now: Date) => expiresAfter(RETENTION_DAYS.drafts, now);

/** `#field = :field` for each field: placeholders keep DynamoDB's reserved words out of the way. */
export function setFields(fields: Record<string, unknown>) {
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

/** Autosave: only the owner's own draft, and only while it is still a draft. */
export function saveDraft(
  assessmentId: string,
  userId: string,
  submission: Submission,
  now = new Date(),
): Promise<boolean> {
  return updateOwnDraft(assessmentId, userId, { submission }, now);
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
  const { rows, lastKey } = await queryPage(
    "assessments",
    { index: "byUser", key: { userId }, newestFirst: true },
    limit,
    startKey,
  );
  return { items: rows.map(toAssessment), lastKey };
}

/** Assessments in `status` whose last change is older than `before`, oldest first. */
export async function listStale(status: "queued" | "scoring", before: Date): Promise<Assessment[]> {
  return queryAll(
    "assessments",
    {
      index: "byStatus",
      key: { status },
      sortKey: "updatedAt < :before",
      values: { ":before": before.toISOString() },
    },
    toAssessment,
  );
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
