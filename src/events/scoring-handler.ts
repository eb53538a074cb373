import arc from "@architect/functions";
import { z } from "zod";
import { providersFromEnv } from "../ai/config";
import { scoreAssessment } from "../assessments/score";

const payloadSchema = z.object({ assessmentId: z.uuid() });

/** The body of both scoring workers: validate the event, score, log the outcome. */
export function scoringEventHandler(name: string) {
  // Built once per Lambda container: warm invocations reuse clients and the loaded scorer.
  const providers = providersFromEnv();
  return arc.events.subscribe(async (payload: unknown) => {
    const { assessmentId } = payloadSchema.parse(payload);
    console.log(name, assessmentId, await scoreAssessment(assessmentId, providers));
  });
}
