import * as z from "zod";
import {
  bandOf,
  isObjective,
  isScoredByWorker,
  ownedBy,
  type Assessment,
} from "../domain/assessment";
import { getAssessment, pageUserAssessments } from "../data/assessments";

/**
 * The student's assessments as the mobile app reads them: compact summaries, one page at a
 * time, and never another user's (or the internals: provider attempts, costs, the answer key).
 */

export const MAX_PAGE_SIZE = 50;
export const DEFAULT_PAGE_SIZE = 20;

export interface AssessmentSummary {
  id: string;
  skill: Assessment["skill"];
  module: Assessment["module"];
  status: Assessment["status"];
  createdAt: string;
  submittedAt: string | null;
  late: boolean;
  /** The overall band once scored or marked; null before. */
  band: number | null;
}

export interface AssessmentDetail extends AssessmentSummary {
  deadlineAt: string | null;
  /** Writing and Speaking: bands by criterion and the examiner-style feedback. */
  result: {
    criteria: Record<string, number>;
    overall: number;
    summary: string;
    points: { criterion: string; kind: "strength" | "improve"; text: string }[];
  } | null;
  /** Reading and Listening: marks out of the paper's maximum. */
  marking: { raw: number; maxRaw: number; band: number } | null;
  failureReason: string | null;
}

function summaryOf(a: Assessment): AssessmentSummary {
  return {
    id: a.assessmentId,
    skill: a.skill,
    module: a.module,
    status: a.status,
    createdAt: a.createdAt,
    submittedAt: a.submittedAt ?? null,
    late: a.late ?? false,
    band: bandOf(a),
  };
}

export function detailOf(a: Assessment): AssessmentDetail {
  const scored = isScoredByWorker(a) ? a : null;
  const marked = isObjective(a) ? a : null;
  return {
    ...summaryOf(a),
    deadlineAt: a.deadlineAt ?? null,
    result: scored?.result
      ? {
          criteria: scored.result.criteria,
          overall: scored.result.overall,
          summary: scored.result.feedback.summary,
          points: scored.result.feedback.points,
        }
      : null,
    marking: marked?.marking
      ? { raw: marked.marking.raw, maxRaw: marked.marking.maxRaw, band: marked.marking.band }
      : null,
    failureReason: scored?.failureReason ?? null,
  };
}

// The byUser index's LastEvaluatedKey: the table key and the index key.
const startKeySchema = z.strictObject({
  assessmentId: z.string().max(100),
  userId: z.string().max(100),
  createdAt: z.string().max(40),
});

/** Opaque to the app: it hands the cursor back and never builds one. */
function encodeCursor(key: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify(key)).toString("base64url");
}

function decodeCursor(cursor: string, userId: string): Record<string, unknown> | null {
  try {
    const key = startKeySchema.parse(JSON.parse(Buffer.from(cursor, "base64url").toString()));
    // Another user's cursor would ask DynamoDB for a start outside this user's key range.
    return key.userId === userId ? key : null;
  } catch {
    return null;
  }
}

export type AssessmentPageResult =
  | { ok: true; items: AssessmentSummary[]; nextCursor: string | null }
  | { ok: false; reason: "bad-cursor" };

export async function listAssessmentPage(input: {
  userId: string;
  limit: number;
  cursor?: string;
}): Promise<AssessmentPageResult> {
  const startKey = input.cursor ? decodeCursor(input.cursor, input.userId) : undefined;
  if (startKey === null) return { ok: false, reason: "bad-cursor" };
  const page = await pageUserAssessments(input.userId, input.limit, startKey);
  return {
    ok: true,
    items: page.items.map(summaryOf),
    nextCursor: page.lastKey ? encodeCursor(page.lastKey) : null,
  };
}

/** The student's own assessment, or null: someone else's id reveals nothing, not even that it exists. */
export async function ownAssessment(input: {
  userId: string;
  assessmentId: string;
}): Promise<Assessment | null> {
  return ownedBy(await getAssessment(input.assessmentId), input.userId);
}
