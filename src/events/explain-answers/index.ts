import arc from "@architect/functions";
import * as z from "zod";
import { explainersFromEnv } from "../../ai/config";
import { explainAssessment } from "../../assessments/explain";

const payloadSchema = z.object({ assessmentId: z.uuid() });

// Built once per Lambda container, like the scoring workers' providers.
const explainers = explainersFromEnv();

export const handler = arc.events.subscribe(async (payload: unknown) => {
  const { assessmentId } = payloadSchema.parse(payload);
  console.log("explain-answers", assessmentId, await explainAssessment(assessmentId, explainers));
});
