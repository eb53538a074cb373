import type { ChainOptions } from "../../src/ai/chain";
import type { Evidence } from "../../src/ai/guards";
import type { SafetyEvent } from "../../src/domain/safety";

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
