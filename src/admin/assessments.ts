import * as z from "zod";
import { cloudProviderNames } from "../ai/cloud-names";
import { enqueueScoring } from "../assessments/queue";
import type { Assessment } from "../domain/assessment";
import type { ProviderName } from "../domain/result";
import { getAssessment, listUserAssessments } from "../data/assessments";
import { requeueForRescore } from "../data/assessment-transitions";
import { listAuditForTarget, type AuditEntry } from "../data/audit-log";
import type { Publish } from "../data/events";
import { listAssessmentSafetyLogs, type SafetyLog } from "../data/safety-logs";
import { getUserByEmail } from "../data/users";
import { assertAdmin, audit, auditReason, type Actor, type Refusal } from "./actor";

const assessmentTarget = (id: string) => `assessment#${id}`;

/** An assessment id, or the email of the student whose assessments to list. */
export const findAssessmentSchema = z.object({
  q: z
    .string()
    .trim()
    .min(1, "Enter an assessment id or a student's email address.")
    .max(254, "That is too long to be an id or an email address."),
});

export type FindResult =
  | { kind: "assessment"; assessmentId: string }
  | { kind: "user"; userId: string; email: string; assessments: Assessment[] }
  | { kind: "none" };

const UUID = z.uuid();

export async function findAssessments(
  actor: Actor,
  input: z.infer<typeof findAssessmentSchema>,
): Promise<FindResult> {
  assertAdmin(actor);
  if (UUID.safeParse(input.q).success) {
    const found = await getAssessment(input.q.toLowerCase());
    return found ? { kind: "assessment", assessmentId: found.assessmentId } : { kind: "none" };
  }
  const user = await getUserByEmail(input.q);
  if (!user) return { kind: "none" };
  return {
    kind: "user",
    userId: user.userId,
    email: user.email,
    assessments: await listUserAssessments(user.userId, 50),
  };
}

export interface Inspection {
  assessment: Assessment;
  safetyLogs: SafetyLog[];
  history: AuditEntry[];
  /** The providers a rescore may name here: the configured cloud ones, then the offline scorer. */
  rescoreProviders: ProviderName[];
}

export async function inspectAssessment(
  actor: Actor,
  assessmentId: string,
): Promise<Inspection | null> {
  assertAdmin(actor);
  const assessment = await getAssessment(assessmentId);
  if (!assessment) return null;
  const [safetyLogs, history] = await Promise.all([
    listAssessmentSafetyLogs(assessment.userId, assessmentId),
    listAuditForTarget(assessmentTarget(assessmentId)),
  ]);
  return { assessment, safetyLogs, history, rescoreProviders: rescoreProviders() };
}

function rescoreProviders(): ProviderName[] {
  return [...cloudProviderNames(), "local"];
}

export const rescoreSchema = z.object({
  assessmentId: z.uuid({ error: "That is not an assessment id." }),
  provider: z.enum(["bedrock", "gemini", "local"], { error: "Choose a provider." }),
  reason: auditReason,
});

/**
 * Queues the assessment again through the same event as a first scoring, for one provider;
 * the outcome it had moves to its history, where the inspector still shows it.
 */
export async function rescoreAssessment(
  actor: Actor,
  input: z.infer<typeof rescoreSchema>,
  publish: Publish,
): Promise<{ ok: true; assessment: Assessment } | Refusal> {
  assertAdmin(actor);
  if (!rescoreProviders().includes(input.provider)) {
    return { ok: false, message: `${input.provider} is not configured here.` };
  }
  const before = await getAssessment(input.assessmentId);
  if (!before) return { ok: false, message: "There is no such assessment." };
  if (before.skill !== "writing" && before.skill !== "speaking") {
    return { ok: false, message: "Reading and Listening are marked against the key, not scored." };
  }
  if (before.status !== "scored" && before.status !== "failed") {
    return { ok: false, message: "Only a scored or failed assessment can be scored again." };
  }
  const queued = await requeueForRescore(before, input.provider);
  if (!queued) return { ok: false, message: "It changed while you looked: open it again." };
  await enqueueScoring(queued, publish);
  await audit(actor, "assessment.rescore", assessmentTarget(input.assessmentId), {
    before: {
      status: before.status,
      overall: before.result?.overall ?? null,
      provider: before.result?.provider ?? null,
    },
    after: { status: "queued", provider: input.provider },
    note: input.reason,
  });
  return { ok: true, assessment: queued };
}
