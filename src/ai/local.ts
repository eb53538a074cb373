import type { ScoringResult } from "../domain/result";
import { scoreSpeaking } from "../scoring/speaking";
import { scoreWriting } from "../scoring/writing";
import type { Evidence } from "./guards";
import { costUsd } from "./prices";
import type { ScoringProvider, ScoringRequest } from "./types";

/** The speaking scorer reports no version of its own. */
const SPEAKING_SCORER_ID = "offline-speaking-v1";

type Offline = { result: ScoringResult; evidence: Evidence };

async function writing(req: Extract<ScoringRequest, { kind: "writing" }>): Promise<Offline> {
  const started = Date.now();
  const score = await scoreWriting({
    task: req.task,
    module: req.module,
    prompt: req.prompt,
    response: req.response,
    ...(req.facts ? { facts: req.facts } : {}),
  });
  const criteria = Object.fromEntries(
    Object.entries(score.criteria).filter((e): e is [string, number] => e[1] !== undefined),
  );
  return {
    result: {
      criteria,
      overall: score.overall,
      feedback: { summary: score.feedback.summary, points: score.feedback.points },
      highlights: score.errors,
      flags: score.flags,
      reliability: score.reliability,
      provider: "local",
      modelId: score.scorer,
      inputTokens: 0,
      outputTokens: 0,
      costUsd: costUsd("local", 0, 0),
      latencyMs: Date.now() - started,
    },
    evidence: {
      kind: "writing",
      overall: score.overall,
      criteria,
      flags: score.flags,
      words: score.wordCount,
    },
  };
}

async function speaking(req: Extract<ScoringRequest, { kind: "speaking" }>): Promise<Offline> {
  const started = Date.now();
  // The offline scorer cannot listen: P is assessed only from a recogniser's word confidences.
  const score = await scoreSpeaking({
    transcript: req.transcript,
    part: req.part,
    ...(req.timings ? { timings: req.timings } : {}),
  });
  const { P, ...rest } = score.criteria;
  const criteria: Record<string, number> = P === null ? rest : { ...rest, P };
  return {
    result: {
      criteria,
      overall: score.overall,
      feedback: {
        summary: score.feedback.summary,
        // The speaking scorer's advice is not tied to one criterion.
        points: score.feedback.points.map((text) => ({
          criterion: "overall",
          kind: "improve" as const,
          text,
        })),
      },
      highlights: score.features.grammarErrors.map((e) => ({ ...e, kind: "grammar" })),
      flags: score.flags,
      provider: "local",
      modelId: SPEAKING_SCORER_ID,
      inputTokens: 0,
      outputTokens: 0,
      costUsd: costUsd("local", 0, 0),
      latencyMs: Date.now() - started,
    },
    evidence: {
      kind: "speaking",
      overall: score.overall,
      criteria,
      flags: score.flags,
      words: score.features.words,
    },
  };
}

/**
 * One offline run per request object, shared by the evidence and the local fallback: the
 * analysers take seconds, and a worker needs both for the same text.
 */
const runs = new WeakMap<ScoringRequest, Promise<Offline>>();

function offline(req: ScoringRequest): Promise<Offline> {
  let run = runs.get(req);
  if (!run) {
    run = req.kind === "writing" ? writing(req) : speaking(req);
    runs.set(req, run);
    // A failed run is not remembered, so a retry scores afresh.
    run.catch(() => runs.delete(req));
  }
  return run;
}

/** The offline scorer's view of the text, which every provider's answer is checked against. */
export async function offlineEvidence(req: ScoringRequest): Promise<Evidence> {
  return (await offline(req)).evidence;
}

export function createLocalProvider(): ScoringProvider {
  return {
    name: "local",
    async score(req, signal) {
      signal.throwIfAborted();
      return (await offline(req)).result;
    },
  };
}
