import { QueryCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { getDb } from "./tables";

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
  const { doc, table } = await getDb();
  await doc.send(
    new UpdateCommand({
      TableName: table("daily-stats"),
      Key: { metric, day },
      UpdateExpression: `ADD ${adds.join(", ")}`,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    }),
  );
}

/** The metric's days from `from` to `to` (inclusive, YYYY-MM-DD): one query, at most 31 items. */
export async function readDaily(
  metric: DailyMetric,
  from: string,
  to: string,
): Promise<DailyCounts[]> {
  const { doc, table } = await getDb();
  const { Items } = await doc.send(
    new QueryCommand({
      TableName: table("daily-stats"),
      KeyConditionExpression: "metric = :metric AND #day BETWEEN :from AND :to",
      ExpressionAttributeNames: { "#day": "day" },
      ExpressionAttributeValues: { ":metric": metric, ":from": from, ":to": to },
    }),
  );
  return (Items ?? []).map((item) => {
    const { metric: _m, day, ...counts } = item;
    return { day: String(day), counts: counts as Record<string, number> };
  });
}
