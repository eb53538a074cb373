import type { ProviderAttempt } from "../domain/assessment";

const CLOUD = new Set(["bedrock", "gemini"]);

/**
 * The cloud scorers that were tried and failed where the offline scorer then gave the bands
 * (for some parts, in Speaking): a configured cloud model that silently fell back would pass
 * the offline estimate off as the model's.
 */
export function cloudFallbacks(attempts: readonly ProviderAttempt[] = []): string[] {
  if (!attempts.some((a) => a.ok && a.provider === "local")) return [];
  return [
    ...new Set(attempts.filter((a) => !a.ok && CLOUD.has(a.provider)).map((a) => a.provider)),
  ];
}
