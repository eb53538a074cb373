import { updateItem } from "./commands";
import { queryAll } from "./paginate";

/**
 * Daily counters for the admin dashboard: one item per metric and UTC day, each holding named
 * numbers (by skill, by provider, by latency bucket). Writers only ever ADD, an atomic
 * increment, so concurrent workers never lose a count and nobody reads before writing.
 */
export type DailyMetric = "assessments" | "latency" | "scoring" | "cost-usd" | "accounts";

export interface DailyCounts {
  /** UTC day, YYYY-MM-DD. */
  day: string;
  counts: Record<string, number>;
}

const FIELD = /^[a-z0-9-]{1,40}$/;

/** Adds each count to the day's item (created by the first ADD). Zero counts are left out. */
export async function addDaily(
  metric: DailyMetric,
  day: string,
  counts: Record<string, number>,
): Promise<void> {
  const entries = Object.entries(counts).filter(([, n]) => n !== 0 && Number.isFinite(n));
  if (entries.length === 0) return;
  const names: Record<string, string> = {};
  const values: Record<string, number> = {};
  const adds = entries.map(([field, n], i) => {
    if (!FIELD.test(field)) throw new Error(`Not a counter name: ${field}`);
    names[`#f${i}`] = field;
    values[`:v${i}`] = n;
    return `#f${i} :v${i}`;
  });
  await updateItem("daily-stats", {
    Key: { metric, day },
    UpdateExpression: `ADD ${adds.join(", ")}`,
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  });
}

/** The metric's days from `from` to `to` (inclusive, YYYY-MM-DD): one query, at most 31 items. */
export async function readDaily(
  metric: DailyMetric,
  from: string,
  to: string,
): Promise<DailyCounts[]> {
  return queryAll(
    "daily-stats",
    {
      key: { metric },
      sortKey: "#day BETWEEN :from AND :to",
      names: { "#day": "day" },
      values: { ":from": from, ":to": to },
    },
    toCounts,
  );
}

/** Every attribute but the key is a counter; one that is not a number was not written here. */
function toCounts(item: Record<string, unknown>): DailyCounts {
  const { metric: _metric, day, ...rest } = item;
  const counts = Object.entries(rest).filter(
    (entry): entry is [string, number] => typeof entry[1] === "number",
  );
  return { day: String(day), counts: Object.fromEntries(counts) };
}
