import type { Billed } from "../domain/assessment";
import type { ProviderName, ScoringResult } from "../domain/result";
import { withCalibration } from "./calibrated";
import { ProviderError } from "./errors";
import { checkPlausibility, type Evidence } from "./guards";
import type { SafetyEvent } from "../domain/safety";
import { detectInjection, studentText } from "./safety";
import type { ScoringProvider, ScoringRequest } from "./types";

export type AttemptRecord = {
  provider: ProviderName;
  modelId?: string;
  ok: boolean;
  error?: string;
  latencyMs: number;
  /** A failed attempt the provider still charged for (bad or implausible output). */
  billed?: Billed;
};

export type ChainOptions = {
  /**
   * The offline scorer's result for the same text (see offlineEvidence in ./local); null when
   * it has nothing to go on (a recording with no transcript), so no cap or gap check applies.
   */
  evidence: Evidence | null;
  /** Per call: each try of each provider gets this long. */
  timeoutMs: number;
  /** Tries per provider, the first included. */
  attempts: number;
  /**
   * Epoch ms after which no cloud call may run (the worker's own deadline less what the offline
   * fallback and the save need): calls are cut to fit, and skipped once too little is left.
   */
  deadlineAt?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  onSafetyEvent: (event: SafetyEvent) => void | Promise<void>;
};

const DEFAULT_BASE_DELAY_MS = 250;
/** Less time than this before the deadline is not worth a cloud call. */
const MIN_CALL_MS = 1_000;
/** The offline scorer: the fallback the deadline keeps its reserve for, so it always runs. */
const OFFLINE: ProviderName = "local";
const DEFAULT_MAX_DELAY_MS = 2_000;

const SCORING_FAILED_MESSAGE =
  "We could not score this answer just now. It has been saved, and you can ask for it to be scored again later.";

export class ScoringFailedError extends Error {
  override readonly name = "ScoringFailedError";
  /** Safe to show to the student. */
  readonly userMessage = SCORING_FAILED_MESSAGE;
  constructor(readonly attempts: AttemptRecord[]) {
    super(
      `Every provider failed: ${attempts.map((a) => `${a.provider}: ${a.error ?? "ok"}`).join("; ")}`,
    );
  }
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Full jitter: a random wait up to an exponentially growing cap, so retries spread out. */
export function backoffMs(
  retry: number,
  random: () => number,
  baseDelayMs = DEFAULT_BASE_DELAY_MS,
  maxDelayMs = DEFAULT_MAX_DELAY_MS,
): number {
  return Math.floor(random() * Math.min(maxDelayMs, baseDelayMs * 2 ** (retry - 1)));
}

/**
 * Worst-case time for a chain: every try of every provider times out and every backoff waits
 * its longest. The worker's Lambda timeout must exceed this plus its own reads and writes.
 */
export function retryBudgetMs(
  attempts: number,
  timeoutMs: number,
  providers: number | readonly ScoringProvider[],
  maxDelayMs = DEFAULT_MAX_DELAY_MS,
): number {
  const count = typeof providers === "number" ? providers : providers.length;
  return count * (attempts * timeoutMs + (attempts - 1) * maxDelayMs);
}

async function callWithTimeout(
  provider: ScoringProvider,
  req: ScoringRequest,
  timeoutMs: number,
): Promise<ScoringResult> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Racing the call as well as aborting it: a provider that ignores its signal still loses.
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new ProviderError("timeout", `no answer within ${timeoutMs} ms`, provider.name);
      controller.abort(error);
      reject(error);
    }, timeoutMs);
  });
  try {
    return await Promise.race([provider.score(req, controller.signal), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Scores with each provider in turn until one gives a valid, plausible answer. Each provider
 * gets `attempts` tries; transient failures and bad output are retried after a backoff,
 * anything else moves on to the next provider. Never returns a default band: when every
 * provider fails it throws ScoringFailedError.
 */
export async function scoreWithChain(
  req: ScoringRequest,
  providers: readonly ScoringProvider[],
  options: ChainOptions,
): Promise<{ result: ScoringResult; attempts: AttemptRecord[] }> {
  const { evidence, timeoutMs, attempts: tries } = options;
  const sleep = options.sleep ?? realSleep;
  const random = options.random ?? Math.random;
  const report = async (event: SafetyEvent) => {
    // Losing a log line is better than losing the submission it describes.
    try {
      await options.onSafetyEvent(event);
    } catch (error) {
      console.error("ai: could not record safety event", event.kind, error);
    }
  };

  const injection = detectInjection(studentText(req));
  if (injection.length > 0) {
    await report({ kind: "prompt-injection", detail: injection.join(" | ") });
  }
  const extraFlags = [
    ...(evidence?.flags ?? []),
    ...(injection.length > 0 ? ["prompt-injection"] : []),
  ];

  const attempts: AttemptRecord[] = [];
  const timeLeft = () =>
    options.deadlineAt === undefined ? Infinity : options.deadlineAt - Date.now();
  for (const provider of providers) {
    const bounded = provider.name !== OFFLINE;
    for (let attempt = 1; attempt <= tries; attempt++) {
      if (attempt > 1) {
        const wait = backoffMs(attempt - 1, random, options.baseDelayMs, options.maxDelayMs);
        await sleep(bounded ? Math.max(0, Math.min(wait, timeLeft() - MIN_CALL_MS)) : wait);
      }
      if (bounded && timeLeft() < MIN_CALL_MS) {
        attempts.push({
          provider: provider.name,
          ok: false,
          error: "skipped: too little time left before the worker's deadline",
          latencyMs: 0,
        });
        break;
      }
      const callMs = bounded ? Math.min(timeoutMs, timeLeft()) : timeoutMs;
      const started = Date.now();
      const failed = (error: string, modelId?: string, billed?: Billed) =>
        attempts.push({
          provider: provider.name,
          ...(modelId ? { modelId } : {}),
          ok: false,
          error,
          latencyMs: Date.now() - started,
          ...(billed && billed.costUsd + billed.inputTokens + billed.outputTokens > 0
            ? { billed }
            : {}),
        });
      let result: ScoringResult;
      try {
        result = await callWithTimeout(provider, req, callMs);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        if (!(error instanceof ProviderError)) {
          failed(message);
          break;
        }
        failed(`${error.kind}: ${message}`, error.modelId, error.billed);
        if (error.kind === "invalid-output" || error.kind === "refused-output") {
          await report({ kind: error.kind, detail: message, provider: provider.name });
        }
        if (!error.retryable) break;
        continue;
      }
      const plausible = evidence ? checkPlausibility(result, evidence) : { ok: true as const };
      if (!plausible.ok) {
        failed(`implausible: ${plausible.reason}`, result.modelId, {
          inputTokens: result.inputTokens,
          outputTokens: result.outputTokens,
          costUsd: result.costUsd,
        });
        await report({
          kind: "implausible-result",
          detail: `${result.modelId}: ${plausible.reason}`,
          provider: provider.name,
        });
        continue;
      }
      attempts.push({
        provider: provider.name,
        modelId: result.modelId,
        ok: true,
        latencyMs: Date.now() - started,
      });
      const flags = [...new Set([...result.flags, ...extraFlags])];
      // After the guards: they compare the model's own bands with the offline evidence.
      return { result: withCalibration(req, { ...result, flags }), attempts };
    }
  }
  throw new ScoringFailedError(attempts);
}
