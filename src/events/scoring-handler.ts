import arc from "@architect/functions";
import { performance } from "node:perf_hooks";
import * as z from "zod";
import { providersFromEnv } from "../ai/config";
import { countScoring } from "../admin/stats";
import { speechToTextFromEnv } from "../ai/transcribe";
import type { Context } from "aws-lambda";
import type { ScoringProvider, SpeechToText } from "../ai/types";
import { SCORING_LIMITS, scoreAssessment } from "../assessments/score";
import { getAssessment } from "../data/assessments";
import { isScoredByWorker } from "../domain/assessment";
import { createLogger } from "../observability/log";
import { emfLine } from "../observability/metrics";
import { scoringMetrics } from "../observability/scoring-metrics";

const payloadSchema = z.object({ assessmentId: z.uuid() });

/**
 * Kept back from the Lambda's remaining time for what runs after the last cloud call: the
 * offline scorer for every part still to score (seconds each when cold) and the save.
 */
const OFFLINE_RESERVE_MS = 20_000;

/**
 * The body of both scoring workers: validate the event, score within the Lambda's remaining
 * time (so a hanging provider leaves time for the offline fallback instead of getting the
 * Lambda killed), log the outcome and metrics.
 */
export function scoringEventHandler(name: string) {
  // Built once per Lambda container: warm invocations reuse clients and the loaded scorer.
  const providers = providersFromEnv();
  const speech = speechToTextFromEnv();
  return async (event: unknown, context: Pick<Context, "getRemainingTimeInMillis">) => {
    const deadlineAt = Date.now() + context.getRemainingTimeInMillis() - OFFLINE_RESERVE_MS;
    return arc.events.subscribe(async (payload: unknown) => {
      await scoreEvent(name, payload, providers, speech, deadlineAt);
    })(event);
  };
}

async function scoreEvent(
  name: string,
  payload: unknown,
  providers: ScoringProvider[],
  speech: SpeechToText | null,
  deadlineAt: number,
) {
  const { assessmentId } = payloadSchema.parse(payload);
  // The assessment id is what ties this worker's lines to the request that queued it.
  const log = createLogger(assessmentId);
  const started = performance.now();
  const outcome = await scoreAssessment(
    assessmentId,
    providers,
    { ...SCORING_LIMITS, deadlineAt },
    speech,
  );
  log.info("scoring finished", { worker: name, outcome });
  if (outcome === "skipped") return;
  // Metrics are worth one read, not a lost score: a failure here is logged and swallowed.
  try {
    const assessment = await getAssessment(assessmentId);
    if (assessment && isScoredByWorker(assessment)) {
      console.log(
        emfLine(scoringMetrics(assessment, performance.now() - started), { worker: name }),
      );
      await countScoring(assessment);
    }
  } catch (error) {
    log.warn("scoring metrics not emitted", { error });
  }
}
