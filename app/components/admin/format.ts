/** Admin pages show every time in UTC, the zone of the counters and the audit log. */
export const formatTime = (iso: string) =>
  `${new Date(iso).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" })} UTC`;

export const formatUsd = (usd: number) => `$${usd.toFixed(4)}`;
