import { QueryCommand, type QueryCommandInput } from "@aws-sdk/lib-dynamodb";
import { getDb } from "./tables";

type Row = Record<string, unknown>;

/**
 * Every page of a query, handed to `onPage` as it arrives: a query returns at most 1 MB at a
 * time, so a loop that reads only the first page silently misses rows once a table grows.
 */
export async function forEachPage(
  input: Omit<QueryCommandInput, "ExclusiveStartKey">,
  onPage: (rows: Row[]) => Promise<void> | void,
): Promise<void> {
  const { doc } = await getDb();
  let startKey: Row | undefined;
  do {
    const page = await doc.send(new QueryCommand({ ...input, ExclusiveStartKey: startKey }));
    await onPage(page.Items ?? []);
    startKey = page.LastEvaluatedKey;
  } while (startKey);
}

/** All rows of a query, mapped; `map` may drop a row by returning null. */
export async function queryAll<T>(
  input: Omit<QueryCommandInput, "ExclusiveStartKey">,
  map: (row: Row) => T | null,
): Promise<T[]> {
  const found: T[] = [];
  await forEachPage(input, (rows) => {
    for (const row of rows) {
      const item = map(row);
      if (item !== null) found.push(item);
    }
  });
  return found;
}
