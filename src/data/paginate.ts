import type { QueryCommandInput, ScanCommandInput } from "@aws-sdk/lib-dynamodb";
import type { Input } from "./commands";
import { getDb, type TableName } from "./tables";

type Row = Record<string, unknown>;
type Page = { Items?: Row[]; Count?: number; LastEvaluatedKey?: Row };

/** The items of one key: of the table, or of one of its indexes. */
export interface KeyQuery {
  index?: string;
  /** The key attributes every item read has, with their values: `{ userId }`. */
  key: Row;
  /** A further condition on the sort key, in DynamoDB's words: `updatedAt < :before`. */
  sortKey?: string;
  /** Drops items the key matches before they are returned (they are still read). */
  filter?: string;
  /** The `#name` and `:value` placeholders that `sortKey` and `filter` use. */
  names?: Record<string, string>;
  values?: Row;
  newestFirst?: boolean;
  /** Only the table's own key can be read consistently, never an index. */
  consistent?: boolean;
  /** The attributes to read, when not the whole item. */
  projection?: string;
}

/** Every key attribute goes through a placeholder, so a reserved word (status) needs no care. */
function queryInput(query: KeyQuery): Input<QueryCommandInput> {
  const keys = Object.entries(query.key);
  const conditions = keys.map((_, i) => `#k${i} = :k${i}`);
  if (query.sortKey) conditions.push(query.sortKey);
  return {
    IndexName: query.index,
    KeyConditionExpression: conditions.join(" AND "),
    FilterExpression: query.filter,
    ExpressionAttributeNames: {
      ...Object.fromEntries(keys.map(([attribute], i) => [`#k${i}`, attribute])),
      ...query.names,
    },
    ExpressionAttributeValues: {
      ...Object.fromEntries(keys.map(([, value], i) => [`:k${i}`, value])),
      ...query.values,
    },
    ScanIndexForward: query.newestFirst ? false : undefined,
    ConsistentRead: query.consistent,
    ProjectionExpression: query.projection,
  };
}

/**
 * A query or scan returns at most 1 MB at a time, so a loop that reads only the first page
 * silently misses rows once a table grows: each page is read from where the last one stopped.
 */
async function eachPage(
  name: TableName,
  input: Input<QueryCommandInput> | Input<ScanCommandInput>,
  command: "Query" | "Scan",
  onPage: (page: Page) => Promise<void> | void,
): Promise<void> {
  const { doc, table, sdk } = await getDb();
  const Command = command === "Query" ? sdk.QueryCommand : sdk.ScanCommand;
  let startKey: Row | undefined;
  do {
    const page: Page = await doc.send(
      new Command({ ...input, TableName: table(name), ExclusiveStartKey: startKey }),
    );
    await onPage(page);
    startKey = page.LastEvaluatedKey;
  } while (startKey);
}

/** Every page of a query, handed to `onPage` as it arrives. */
export function forEachPage(
  name: TableName,
  query: KeyQuery,
  onPage: (rows: Row[]) => Promise<void> | void,
): Promise<void> {
  return eachPage(name, queryInput(query), "Query", (page) => onPage(page.Items ?? []));
}

/** Every page of a scan, as forEachPage: only for the rare job that must read a whole table. */
export function forEachScanPage(
  name: TableName,
  input: Omit<Input<ScanCommandInput>, "ExclusiveStartKey">,
  onPage: (rows: Row[]) => Promise<void> | void,
): Promise<void> {
  return eachPage(name, input, "Scan", (page) => onPage(page.Items ?? []));
}

/** How many rows a query matches, counted by DynamoDB page by page without reading them. */
export async function countAll(name: TableName, query: KeyQuery): Promise<number> {
  let count = 0;
  await eachPage(name, { ...queryInput(query), Select: "COUNT" }, "Query", (page) => {
    count += page.Count ?? 0;
  });
  return count;
}

/** All rows of a query, mapped; `map` may drop a row by returning null. */
export async function queryAll<T>(
  name: TableName,
  query: KeyQuery,
  map: (row: Row) => T | null,
): Promise<T[]> {
  const found: T[] = [];
  await forEachPage(name, query, (rows) => {
    for (const row of rows) {
      const item = map(row);
      if (item !== null) found.push(item);
    }
  });
  return found;
}

/**
 * At most `limit` rows of a query, from where the previous page stopped: `startKey` is that
 * page's `lastKey`, handed back unchanged.
 */
export async function queryPage(
  name: TableName,
  query: KeyQuery,
  limit: number,
  startKey?: Row,
): Promise<{ rows: Row[]; lastKey?: Row }> {
  const { doc, table, sdk } = await getDb();
  const { Items, LastEvaluatedKey } = await doc.send(
    new sdk.QueryCommand({
      ...queryInput(query),
      TableName: table(name),
      Limit: limit,
      ExclusiveStartKey: startKey,
    }),
  );
  return { rows: Items ?? [], lastKey: LastEvaluatedKey };
}
