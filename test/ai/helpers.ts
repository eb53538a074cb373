import { scoreWithChain, type ChainOptions } from "../../src/ai/chain";
import type { Evidence } from "../../src/ai/guards";
import type { ScoringProvider, ScoringRequest } from "../../src/ai/types";
import type { SafetyEvent } from "../../src/domain/safety";

type Speaking = Extract<ScoringRequest, { kind: "speaking" }>;

/** A model answer in the shape the prompt asks for. */
export function modelAnswer(
  criteria: Record<string, number>,
  extra: { confidence?: "high" | "medium" | "low"; quote?: string } = {},
) {
  const names = Object.keys(criteria);
  return {
    criteria,
    feedback: {
      summary: "A clear answer with a few slips.",
      points: names.map((criterion) => ({
        criterion,
        kind: "improve",
        text: `Work on ${criterion}.`,
      })),
    },
    highlights: extra.quote
      ? [{ quote: extra.quote, kind: "grammar", message: "Check this.", suggestion: "fixed" }]
      : [],
    confidence: extra.confidence ?? "high",
  };
}

/** Every criterion at the offline overall: plausible by construction. */
export function plausibleAnswer(evidence: Evidence, extra?: Parameters<typeof modelAnswer>[1]) {
  return modelAnswer(
    Object.fromEntries(Object.keys(evidence.criteria).map((c) => [c, evidence.overall])),
    extra,
  );
}

export function chainOptions(evidence: Evidence, over: Partial<ChainOptions> = {}) {
  const events: SafetyEvent[] = [];
  const sleeps: number[] = [];
  const options: ChainOptions = {
    evidence,
    timeoutMs: 5_000,
    attempts: 2,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    onSafetyEvent: (event) => {
      events.push(event);
    },
    ...over,
  };
  return { options, events, sleeps };
}

/** A recorded Speaking answer to one question, with its transcript. */
export function spoken(
  part: Speaking["part"],
  module: Speaking["module"],
  question: string,
  transcript: string,
  audio: Speaking["audio"],
): Speaking {
  return { kind: "speaking", part, module, questions: [question], transcript, audio };
}

/** One attempt with a 300 ms budget, for a provider made to hang; elapsedMs shows it was cut. */
export async function scoreWithShortTimeout(
  request: ScoringRequest,
  evidence: Evidence,
  providers: ScoringProvider[],
) {
  const started = Date.now();
  const { options } = chainOptions(evidence, { timeoutMs: 300, attempts: 1 });
  const outcome = await scoreWithChain(request, providers, options);
  return { ...outcome, elapsedMs: Date.now() - started };
}
