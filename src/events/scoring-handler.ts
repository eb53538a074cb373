import arc from "@architect/functions";
import { performance } from "node:perf_hooks";
import { z } from "zod";
import { providersFromEnv } from "../ai/config";
import { speechToTextFromEnv } from "../ai/transcribe";
import { scoreAssessment } from "../assessments/score";
import { getAssessment } from "../data/assessments";
import { createLogger } from "../observability/log";
import { emfLine } from "../observability/metrics";
import { scoringMetrics } from "../observability/scoring-metrics";

const payloadSchema = z.object({ assessmentId: z.uuid() });

/** The body of both scoring workers: validate the event, score, log the outcome and metrics. */
export function scoringEventHandler(name: string) {
  // Built once per Lambda container: warm invocations reuse clients and the loaded scorer.
  const providers = providersFromEnv();
  const speech = speechToTextFromEnv();
  return arc.events.subscribe(async (payload: unknown) => {
    const { assessmentId } = payloadSchema.parse(payload);
    // The assessment id is what ties this worker's lines to the request that queued it.
    const log = createLogger(assessmentId);
    const started = performance.now();
    const outcome = await scoreAssessment(assessmentId, providers, undefined, speech);
    log.info("scoring finished", { worker: name, outcome });
    if (outcome === "skipped") return;
    // Metrics are worth one read, not a lost score: a failure here is logged and swallowed.
    try {
      const assessment = await getAssessment(assessmentId);
      if (assessment) {
        console.log(
          emfLine(scoringMetrics(assessment, performance.now() - started), { worker: name }),
        );
      }
    } catch (error) {
      log.warn("scoring metrics not emitted", { error });
    }
  });
}
