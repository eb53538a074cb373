import type { Explanation } from "../domain/assessment";
import { UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { writeIf } from "./conditional";
import { getDb } from "./tables";

/** Adds explanations to a marked paper once; a repeated event finds them there and stops. */
export async function saveExplanations(
  assessmentId: string,
  explanations: Explanation[],
  modelId: string | null,
): Promise<boolean> {
  const { doc, table } = await getDb();
  return writeIf(() =>
    doc.send(
      new UpdateCommand({
        TableName: table("assessments"),
        Key: { assessmentId },
        UpdateExpression: "SET explanations = :e, explainedBy = :m",
        ConditionExpression: "#status = :scored AND attribute_not_exists(explanations)",
        ExpressionAttributeNames: { "#status": "status" },
        ExpressionAttributeValues: {
          ":e": explanations,
          ":m": modelId ?? "marking",
          ":scored": "scored",
        },
      }),
    ),
  );
}
