import {
  QueryCommand,
  ScanCommand,
  type QueryCommandInput,
  type ScanCommandInput,
} from "@aws-sdk/lib-dynamodb";
import { getDb, type Db } from "./tables";

type Row = Record<string, unknown>;
type Page = { Items?: Row[]; Count?: number; LastEvaluatedKey?: Row };
type Paged<T> = Omit<T, "ExclusiveStartKey">;

/**
 * A query or scan returns at most 1 MB at a time, so a loop that reads only the first page
 * silently misses rows once a table grows: each page is read from where the last one stopped.
 */
async function eachPage(
  read: (db: Db, startKey: Row | undefined) => Promise<Page>,
  onPage: (page: Page) => Promise<void> | void,
): Promise<void> {
  const db = await getDb();
  let startKey: Row | undefined;
  do {
    const page = await read(db, startKey);
    await onPage(page);
    startKey = page.LastEvaluatedKey;
  } while (startKey);
}

/** Every page of a query, handed to `onPage` as it arrives. */
export function forEachPage(
  input: Paged<QueryCommandInput>,
  onPage: (rows: Row[]) => Promise<void> | void,
): Promise<void> {
  return eachPage(
    ({ doc }, startKey) => doc.send(new QueryCommand({ ...input, ExclusiveStartKey: startKey })),
    (page) => onPage(page.Items ?? []),
  );
}

/** Every page of a scan, as forEachPage: only for the rare job that must read a whole table. */
export function forEachScanPage(
  input: Paged<ScanCommandInput>,
  onPage: (rows: Row[]) => Promise<void> | void,
): Promise<void> {
  return eachPage(
    ({ doc }, startKey) => doc.send(new ScanCommand({ ...input, ExclusiveStartKey: startKey })),
    (page) => onPage(page.Items ?? []),
  );
}

/** How many rows a query matches, counted by DynamoDB page by page without reading them. */
export async function countAll(input: Paged<Omit<QueryCommandInput, "Select">>): Promise<number> {
  let count = 0;
  await eachPage(
    ({ doc }, startKey) =>
      doc.send(new QueryCommand({ ...input, Select: "COUNT", ExclusiveStartKey: startKey })),
    (page) => {
      count += page.Count ?? 0;
    },
  );
  return count;
}

/** All rows of a query, mapped; `map` may drop a row by returning null. */
export async function queryAll<T>(
  input: Paged<QueryCommandInput>,
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
