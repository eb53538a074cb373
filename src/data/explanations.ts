import type { Explanation } from "../domain/assessment";
import { updateItem } from "./commands";
import { updateIf } from "./conditional";

/**
 * Claims a marked paper for one explain-answers run, so a duplicate delivery makes no second
 * model call. A claim older than `staleBefore` belongs to a run that died and may be taken over.
 */
export async function claimExplanation(
  assessmentId: string,
  now: Date,
  staleBefore: Date,
): Promise<boolean> {
  return updateIf("assessments", {
    Key: { assessmentId },
    UpdateExpression: "SET explainClaimedAt = :now",
    ConditionExpression:
      "#status = :scored AND attribute_not_exists(explanations) AND (attribute_not_exists(explainClaimedAt) OR explainClaimedAt < :stale)",
    ExpressionAttributeValues: {
      ":now": now.toISOString(),
      ":stale": staleBefore.toISOString(),
      ":scored": "scored",
    },
  });
}

/** Why a run failed, for the operator; the claim is released so the Lambda's retry can run. */
export async function saveExplainFailure(assessmentId: string, reason: string): Promise<void> {
  await updateItem("assessments", {
    Key: { assessmentId },
    UpdateExpression: "SET explainFailure = :reason REMOVE explainClaimedAt",
    ExpressionAttributeValues: { ":reason": reason.slice(0, 1_000) },
  });
}

/**
 * Adds explanations to a marked paper once; a repeated event finds them there and stops. The
 * claim and any earlier run's failure reason go: it no longer describes the paper.
 */
export async function saveExplanations(
  assessmentId: string,
  explanations: Explanation[],
  modelId: string | null,
): Promise<boolean> {
  return updateIf("assessments", {
    Key: { assessmentId },
    UpdateExpression:
      "SET explanations = :e, explainedBy = :m REMOVE explainFailure, explainClaimedAt",
    ConditionExpression: "#status = :scored AND attribute_not_exists(explanations)",
    ExpressionAttributeValues: {
      ":e": explanations,
      ":m": modelId ?? "marking",
      ":scored": "scored",
    },
  });
}
