/**
 * USD per million tokens. The one place prices live; update here when providers change them.
 * `audioInput`: Gemini bills the tokens of a recording at its own, higher rate.
 */
const PRICES: Readonly<Record<string, { input: number; output: number; audioInput?: number }>> = {
  "amazon.nova-micro-v1:0": { input: 0.035, output: 0.14 },
  "gemini-2.5-flash-lite": { input: 0.1, output: 0.4, audioInput: 0.3 },
  "gemini-2.5-flash": { input: 0.3, output: 2.5, audioInput: 1 },
  local: { input: 0, output: 0 },
};

/**
 * Cross-region inference profiles ("eu.amazon.nova-micro-v1:0") bill at the model's price, so
 * the geography prefix is dropped before the lookup.
 */
const INFERENCE_PROFILE_PREFIX = /^(us|eu|apac|global|us-gov|ca|jp|au)\./;

export function hasPrice(modelId: string): boolean {
  return modelId.replace(INFERENCE_PROFILE_PREFIX, "") in PRICES;
}

/**
 * Cost of one call. An unknown model throws rather than costing 0: a silent zero would hide
 * spend from the daily totals.
 */
export function costUsd(
  modelId: string,
  inputTokens: number,
  outputTokens: number,
  /** Of `inputTokens`, those that were audio. */
  audioTokens = 0,
): number {
  const price = PRICES[modelId.replace(INFERENCE_PROFILE_PREFIX, "")];
  if (!price) throw new Error(`No price for model "${modelId}"; add it to src/ai/prices.ts.`);
  const audio = Math.min(audioTokens, inputTokens);
  const usd =
    ((inputTokens - audio) * price.input +
      audio * (price.audioInput ?? price.input) +
      outputTokens * price.output) /
    1_000_000;
  // Nano-dollar precision: enough for daily sums, without floating-point dust in stored values.
  return Math.round(usd * 1e9) / 1e9;
}

/**
 * Amazon Transcribe standard batch transcription, USD per minute of audio (the first pricing
 * tier, us-east-1). Billed per second with a 15-second minimum per job.
 */
const TRANSCRIBE_USD_PER_MINUTE = 0.024;
const TRANSCRIBE_MINIMUM_SECONDS = 15;

export function transcriptionCostUsd(seconds: number): number {
  const billed = Math.max(TRANSCRIBE_MINIMUM_SECONDS, Math.ceil(seconds));
  return Math.round((billed / 60) * TRANSCRIBE_USD_PER_MINUTE * 1e9) / 1e9;
}
