import * as z from "zod";
import { latestConsent, putConsent, type ConsentRecord } from "../data/consents";
import { POLICY_VERSION } from "./policy";

/** Who is acting: the signed-in student. */
export interface Actor {
  userId: string;
}

export type CloudAudioConsent =
  { given: true; policyVersion: string; givenAt: string } | { given: false; withdrawnAt?: string };

/**
 * Whether the student's recordings may go to a cloud model. Only a "given" answer counts, and
 * it is read when the recording would be sent, so a withdrawal stops any scoring not yet run.
 */
export async function cloudAudioConsent(actor: Actor): Promise<CloudAudioConsent> {
  const latest = await latestConsent(actor.userId, "cloud-audio");
  if (!latest) return { given: false };
  return latest.decision === "given"
    ? { given: true, policyVersion: latest.policyVersion, givenAt: latest.recordedAt }
    : { given: false, withdrawnAt: latest.recordedAt };
}

/** The student's answer as a form sends it. */
export const consentAnswerSchema = z.object({ decision: z.enum(["given", "withdrawn"]) });

/** Records the student's answer, with the time and the version of the notice they were shown. */
export async function answerCloudAudioConsent(
  actor: Actor,
  input: { decision: "given" | "withdrawn"; now?: Date },
): Promise<ConsentRecord> {
  const record: ConsentRecord = {
    userId: actor.userId,
    purpose: "cloud-audio",
    decision: input.decision,
    policyVersion: POLICY_VERSION,
    recordedAt: (input.now ?? new Date()).toISOString(),
  };
  await putConsent(record);
  return record;
}
