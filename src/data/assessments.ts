import { randomUUID } from "node:crypto";
import { ConditionalCheckFailedException } from "@aws-sdk/client-dynamodb";
import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import type { Explanation } from "../ai/explain";
import type { Billed } from "../ai/errors";
import type { ScoringResult, WritingRequest } from "../ai/types";
import { writeIf } from "./conditional";
import { getDb } from "./tables";

export type Skill = "writing" | "speaking" | "reading" | "listening" | "mock";
export type AssessmentStatus = "draft" | "queued" | "scoring" | "scored" | "failed";

export interface SpeakingPartAnswer {
  part: 1 | 2 | 3;
  questions: string[];
  /** Typed, or the browser's draft transcript of the recording; may be empty with audio. */
  transcript: string;
  /** Where the recording lives in the audio store; absent for a typed answer. */
  audioKey?: string;
  audioMimeType?: string;
}

/** A whole Speaking test: its three parts are scored one by one and combined. */
export interface SpeakingSubmission {
  kind: "speaking";
  module: "academic" | "general";
  setId: string;
  parts: SpeakingPartAnswer[];
}

/** What the student handed in; recordings stay in the audio store, referenced by key. */
export type Submission = WritingRequest | SpeakingSubmission | ObjectiveSubmission | MockSubmission;

export interface ProviderAttempt {
  provider: string;
  modelId?: string;
  ok: boolean;
  error?: string;
  latencyMs: number;
  /** What a failed attempt was still charged (bad or implausible output). */
  billed?: Billed;
}

export interface Assessment {
  assessmentId: string;
  userId: string;
  skill: Skill;
  module: "academic" | "general";
  status: AssessmentStatus;
  submission: Submission;
  questionId?: string;
  /** ISO 8601 */
  createdAt: string;
  /** ISO 8601; the sort key of the byStatus index the sweeper reads. */
  updatedAt: string;
  /** ISO 8601: when the task was first shown, and when its time runs out (timed tasks). */
  startedAt?: string;
  deadlineAt?: string;
  submittedAt?: string;
  /** Submitted after the deadline: accepted and scored, and shown as late. */
  late?: boolean;
  /** How many times the scoring event was published (the first time included). */
  publishCount: number;
  result?: ScoringResult;
  attempts?: ProviderAttempt[];
  failureReason?: string;
  /** Reading and Listening: the answers as typed, by question id (saved while a draft). */
  answers?: Record<string, string>;
  marking?: ObjectiveMarking;
  /** Why each wrong Reading/Listening answer is wrong, added later by explain-answers. */
  explanations?: Explanation[];
  /** The model that wrote them, or "marking" when they are the marking engine's reasons. */
  explainedBy?: string;
  /** Mock tests: the writing and speaking assessments the student attached. */
  mockChildren?: MockChildren;
  /** Mock tests: the four skill bands and the overall band, stored once all four are in. */
  mockBands?: MockBands;
  /** Writing and Speaking taken as part of a mock test: the mock's id (objective papers keep it
   * in their submission). */
  mockId?: string;
  /** ISO 8601: when the student removed it from their progress (kept, but no longer counted). */
  discardedAt?: string;
}

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
      Item: assessment,
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
  return (Item as Assessment | undefined) ?? null;
}

async function transition(
  assessmentId: string,
  from: AssessmentStatus,
  to: AssessmentStatus,
  now: Date,
  extra: Record<string, unknown> = {},
): Promise<Assessment | null> {
  const { doc, table } = await getDb();
  const names: Record<string, string> = { "#status": "status" };
  const values: Record<string, unknown> = { ":from": from, ":to": to, ":at": now.toISOString() };
  const sets = ["#status = :to", "updatedAt = :at"];
  for (const [key, value] of Object.entries(extra)) {
    names[`#${key}`] = key;
    values[`:${key}`] = value;
    sets.push(`#${key} = :${key}`);
  }
  try {
    const { Attributes } = await doc.send(
      new UpdateCommand({
        TableName: table("assessments"),
        Key: { assessmentId },
        UpdateExpression: `SET ${sets.join(", ")}`,
        ConditionExpression: "#status = :from",
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
        ReturnValues: "ALL_NEW",
      }),
    );
    return Attributes as Assessment;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return null;
    throw error;
  }
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

/** draft -> queued with the final text; a late submission is kept and marked, never refused. */
export async function submitDraft(
  draft: Assessment,
  submission: Submission,
  now = new Date(),
): Promise<Assessment | null> {
  const late = draft.deadlineAt ? now.getTime() > Date.parse(draft.deadlineAt) : false;
  return transition(draft.assessmentId, "draft", "queued", now, {
    submission,
    submittedAt: now.toISOString(),
    late,
  });
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
  return transition(assessmentId, "scoring", "scored", now, { result, attempts });
}

export function saveFailed(
  assessmentId: string,
  failureReason: string,
  attempts: ProviderAttempt[],
  now = new Date(),
) {
  return transition(assessmentId, "scoring", "failed", now, { failureReason, attempts });
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
export async function requeueFailed(assessmentId: string, userId: string, now = new Date()) {
  const current = await getAssessment(assessmentId);
  if (!current || current.userId !== userId) return null;
  return transition(assessmentId, "failed", "queued", now, { publishCount: 0 });
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
  const { doc, table } = await getDb();
  const { Items } = await doc.send(
    new QueryCommand({
      TableName: table("assessments"),
      IndexName: "byUser",
      KeyConditionExpression: "userId = :userId",
      ExpressionAttributeValues: { ":userId": userId },
      ScanIndexForward: false,
      Limit: limit,
    }),
  );
  return (Items ?? []) as Assessment[];
}

/** Assessments in `status` whose last change is older than `before`, oldest first. */
export async function listStale(status: "queued" | "scoring", before: Date): Promise<Assessment[]> {
  const { doc, table } = await getDb();
  const found: Assessment[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await doc.send(
      new QueryCommand({
        TableName: table("assessments"),
        IndexName: "byStatus",
        KeyConditionExpression: "#status = :status AND updatedAt < :before",
        ExpressionAttributeNames: { "#status": "status" },
        ExpressionAttributeValues: { ":status": status, ":before": before.toISOString() },
        ExclusiveStartKey: startKey,
      }),
    );
    found.push(...((page.Items ?? []) as Assessment[]));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return found;
}

// ---------------------------------------------------------------- Reading, Listening, mock tests

/**
 * A Reading or Listening paper: marked against the key at submit, so it goes draft -> scored
 * and is never queued for a scoring worker.
 */
export interface ObjectiveSubmission {
  kind: "objective";
  module: "academic" | "general";
  testId: string;
  /** The mock test this paper belongs to, if any. */
  mockId?: string;
}

/** A full mock test: a record that only groups the four skills' own assessments. */
export interface MockSubmission {
  kind: "mock";
  module: "academic" | "general";
}

/** What `markTest` and the band table gave, as stored for the review page. */
export interface ObjectiveMarking {
  raw: number;
  maxRaw: number;
  band: number;
  form: "listening" | "reading-academic" | "reading-general";
  byType: Record<string, { marks: number; maxMarks: number; accuracy: number }>;
  results: {
    id: string;
    type: string;
    correct: boolean;
    marks: number;
    maxMarks: number;
    reason: string;
    expected: string;
  }[];
}

/** The writing and speaking assessments a student attached to a mock test, by step. */
export type MockChildren = Partial<Record<"writing1" | "writing2" | "speaking", string>>;

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
  const { doc, table } = await getDb();
  return writeIf(() =>
    doc.send(
      new UpdateCommand({
        TableName: table("assessments"),
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
      }),
    ),
  );
}

async function updateOwnDraft(
  assessmentId: string,
  userId: string,
  fields: Record<string, unknown>,
  now: Date,
): Promise<boolean> {
  const { doc, table } = await getDb();
  const names: Record<string, string> = { "#status": "status" };
  const values: Record<string, unknown> = {
    ":at": now.toISOString(),
    ":draft": "draft",
    ":userId": userId,
  };
  const sets = ["updatedAt = :at"];
  for (const [key, value] of Object.entries(fields)) {
    names[`#${key}`] = key;
    values[`:${key}`] = value;
    sets.push(`#${key} = :${key}`);
  }
  return writeIf(() =>
    doc.send(
      new UpdateCommand({
        TableName: table("assessments"),
        Key: { assessmentId },
        UpdateExpression: `SET ${sets.join(", ")}`,
        ConditionExpression: "#status = :draft AND userId = :userId",
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      }),
    ),
  );
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
  const late = draft.deadlineAt ? now.getTime() > Date.parse(draft.deadlineAt) : false;
  return transition(draft.assessmentId, "draft", "scored", now, {
    answers,
    marking,
    submittedAt: now.toISOString(),
    late,
  });
}

export interface MockBands {
  listening: number;
  reading: number;
  writing: number;
  speaking: number;
  overall: number;
}

/** A mock test whose four skills are all scored: closed with its bands. */
export function completeMock(
  mockId: string,
  mockBands: MockBands,
  now = new Date(),
): Promise<Assessment | null> {
  return transition(mockId, "draft", "scored", now, { mockBands, submittedAt: now.toISOString() });
}
