/** The skills the dashboard counts, in its order; plain data, so the page can draw with it. */
export const DASHBOARD_SKILLS = ["writing", "speaking", "reading", "listening"] as const;

/** A latency bucket's bound in seconds as the dashboard prints it; the open bucket is "over". */
export const formatLatency = (s: number | null) =>
  s === null ? "" : s === Infinity ? "over 1800" : String(s);
