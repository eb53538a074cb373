import { cloudProviderNames, type Env } from "../ai/cloud-names";
import { billingFor, returnCredit, type ScoringChoice } from "../commerce/credits";
import { isScoredByWorker, type Assessment, type ScoredAssessment } from "../domain/assessment";
import type { Billing } from "../domain/entitlement";
import { requeueFailed } from "../data/assessment-transitions";
import type { Publish } from "../data/events";
import { enqueueScoring } from "./queue";

/** What a submission needs to know to be charged: is a cloud model there, and did the student want it. */
export interface ScoringOptions {
  cloudConfigured: boolean;
  choice: ScoringChoice;
}

export function scoringOptions(choice: ScoringChoice, env: Env = process.env): ScoringOptions {
  return { cloudConfigured: cloudProviderNames(env).length > 0, choice };
}

/** The typed outcome of handing in a Writing or Speaking answer. */
export type SubmitOutcome =
  | { kind: "queued"; assessment: ScoredAssessment }
  /** Handed in already (a second click, another device): nothing was charged. */
  | { kind: "closed" }
  /** Cloud scoring asked for and no credit left: the answer is saved as a draft, nothing lost. */
  | { kind: "no-credit" };

/**
 * Charges, then hands in. The credit is taken first, so two submissions racing for the last one
 * cannot both be queued for the cloud; a hand-in that loses its own race gives the credit back.
 */
export async function chargeAndSubmit(
  draft: Assessment,
  options: ScoringOptions,
  submit: (billing: Billing) => Promise<ScoredAssessment | null>,
  publish: Publish,
  now = new Date(),
): Promise<SubmitOutcome> {
  const skill = draft.skill === "speaking" ? "speaking" : "writing";
  const billing = await billingFor(draft.userId, skill, options, now);
  if (!billing) return { kind: "no-credit" };
  const queued = await submit(billing);
  if (!queued) {
    if (billing.scoring === "cloud") await returnCredit(draft.userId, billing.bucketId);
    return { kind: "closed" };
  }
  await enqueueScoring(queued, publish, now);
  return { kind: "queued", assessment: queued };
}

/**
 * The student's retry of a failed scoring: charged again like a new submission (the failure
 * gave its credit back), and scored offline when no credit is left rather than refused.
 */
export async function retryScoring(
  assessment: Assessment,
  userId: string,
  options: ScoringOptions,
  publish: Publish,
  now = new Date(),
): Promise<boolean> {
  if (!isScoredByWorker(assessment)) return false;
  if (assessment.status !== "failed" || assessment.userId !== userId) return false;
  const skill = assessment.skill === "speaking" ? "speaking" : "writing";
  const choice = assessment.billing?.scoring === "offline" ? "offline" : options.choice;
  const billing = (await billingFor(userId, skill, { ...options, choice }, now)) ?? {
    scoring: "offline" as const,
  };
  const queued = await requeueFailed(assessment.assessmentId, userId, billing, now);
  if (!queued) {
    if (billing.scoring === "cloud") await returnCredit(userId, billing.bucketId);
    return false;
  }
  await enqueueScoring(queued, publish, now);
  return true;
}
