// Plain values the admin dashboard draws with in the browser as well as on the server.

/** The skills the dashboard counts, in its order. */
export const DASHBOARD_SKILLS = ["writing", "speaking", "reading", "listening"] as const;

/**
 * Upper bounds, in seconds, of the submit-to-scored latency buckets. A histogram can be summed
 * with ADD across workers and days, which a list of samples or a running median cannot; the
 * median and 95th percentile are then read to the bucket they fall in.
 */
export const LATENCY_BUCKETS_S = [2, 5, 10, 20, 30, 60, 120, 300, 600, 1800] as const;

const LAST_BOUND_S = LATENCY_BUCKETS_S[LATENCY_BUCKETS_S.length - 1] as number;

/**
 * The open-ended last bucket's value: twice the last bound, where the chart draws it. Not
 * Infinity, which the page's data (JSON) would turn into null, "no samples".
 */
export const OPEN_BUCKET_S = 2 * LAST_BOUND_S;

/** A latency bucket's bound in seconds as the dashboard prints it. */
export const formatLatency = (s: number | null) =>
  s === null ? "" : s > LAST_BOUND_S ? `over ${LAST_BOUND_S}` : String(s);
