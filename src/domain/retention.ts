const DAY_SECONDS = 24 * 60 * 60;

/**
 * How long what should not live forever is kept (DynamoDB TTL on `expiresAt`); the writers and
 * the privacy page both read these, so the page cannot promise what the tables do not do.
 */
export const RETENTION_DAYS = {
  /** A draft (Writing, Speaking, a paper, a mock test) nobody has touched for this long. */
  drafts: 90,
  /** A record of what the AI safety checks caught in a scoring. */
  safetyLogs: 180,
} as const;

/** The TTL attribute (epoch seconds) of an item kept `days` from `from`. */
export function expiresAfter(days: number, from: Date): number {
  return Math.floor(from.getTime() / 1000) + days * DAY_SECONDS;
}
