import type { Billed } from "../domain/assessment";
import type { ProviderName } from "../domain/result";

/**
 * Why a provider call failed. The chain retries the transient kinds (and, once, bad output,
 * since a second sample can differ) and moves straight on for the rest.
 */
export type ProviderErrorKind =
  "throttled" | "unavailable" | "timeout" | "invalid-output" | "refused-output" | "rejected";

const RETRYABLE: ReadonlySet<ProviderErrorKind> = new Set([
  "throttled",
  "unavailable",
  "timeout",
  "invalid-output",
]);

export class ProviderError extends Error {
  override readonly name = "ProviderError";
  readonly billed?: Billed;
  constructor(
    readonly kind: ProviderErrorKind,
    message: string,
    readonly provider: ProviderName,
    readonly modelId?: string,
    options?: { cause?: unknown; billed?: Billed },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    if (options?.billed) this.billed = options.billed;
  }

  get retryable(): boolean {
    return RETRYABLE.has(this.kind);
  }
}

/** HTTP status to error kind, shared by the providers whose SDKs expose the status. */
export function kindForStatus(status: number | undefined): ProviderErrorKind {
  if (status === 429) return "throttled";
  if (status === 408) return "timeout";
  if (status === undefined || status >= 500) return "unavailable";
  return "rejected";
}
