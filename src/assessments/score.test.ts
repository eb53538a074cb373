import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { retryBudgetMs } from "../ai/chain";
import { SCORING_LIMITS } from "./score";

// The slowest offline scoring seen: a cold worker loading harper.js and the NLP model.
const OFFLINE_COLD_START_MS = 10_000;

function lambdaTimeoutMs(configArc: string): number {
  const seconds = /^\s*timeout\s+(\d+)/m.exec(readFileSync(configArc, "utf8"))?.[1];
  return Number(seconds) * 1000;
}

describe("scoring worker time budget", () => {
  it.each(["src/events/score-writing/config.arc", "src/events/score-speaking/config.arc"])(
    "%s outlasts every try of two providers plus the offline scorer",
    (configArc) => {
      const budget = retryBudgetMs(SCORING_LIMITS.attempts, SCORING_LIMITS.timeoutMs, 2);
      expect(budget + OFFLINE_COLD_START_MS).toBeLessThan(lambdaTimeoutMs(configArc));
    },
  );
});
