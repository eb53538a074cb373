import { setTimeout as sleep } from "node:timers/promises";
import type {
  BatchGetCommandOutput,
  DeleteCommandInput,
  PutCommandInput,
  UpdateCommandInput,
} from "@aws-sdk/lib-dynamodb";
import { getDb, type TableName } from "./tables";

type Row = Record<string, unknown>;
/** A command's input without its table: the helpers look up the name the deployment gave it. */
export type Input<T> = Omit<T, "TableName">;

/**
 * The item with this key, or undefined. Consistent unless told otherwise: most reads follow a
 * write the same person has just made, and must see it.
 */
export async function getItem(
  name: TableName,
  key: Row,
  { consistent = true } = {},
): Promise<Row | undefined> {
  const { doc, table, sdk } = await getDb();
  const { Item } = await doc.send(
    new sdk.GetCommand({ TableName: table(name), Key: key, ConsistentRead: consistent }),
  );
  return Item;
}

/** BatchGetItem takes at most this many keys a call. */
const BATCH_GET_LIMIT = 100;
/** Rounds of unprocessed keys before the read gives up: pauses of 40 ms doubling, 5 s in all. */
const BATCH_GET_ROUNDS = 8;

/**
 * Items by key from one or more tables, consistent like getItem, in as few BatchGetItem calls
 * as the keys allow; keys with no item are skipped, so callers match items to keys themselves.
 * A throttled table answers with some keys unprocessed rather than with an error, and the SDK
 * does not retry those: they are asked for again after a growing pause, and a read that still
 * misses keys throws instead of passing a partial answer off as a whole one.
 */
export async function getItems(
  keys: Partial<Record<TableName, Row[]>>,
): Promise<Partial<Record<TableName, Row[]>>> {
  if (Object.values(keys).every((list) => list.length === 0)) return {};
  const { doc, table, sdk } = await getDb();
  const names = new Map<string, TableName>();
  let pending: [string, Row][] = [];
  for (const [name, list] of Object.entries(keys) as [TableName, Row[]][]) {
    names.set(table(name), name);
    for (const key of list) pending.push([table(name), key]);
  }
  const found: Partial<Record<TableName, Row[]>> = {};
  for (let round = 0; pending.length > 0; round++) {
    if (round === BATCH_GET_ROUNDS)
      throw new Error(`BatchGetItem left ${pending.length} keys unread`);
    if (round > 0) await sleep(20 * 2 ** round);
    const unread: [string, Row][] = [];
    for (let start = 0; start < pending.length; start += BATCH_GET_LIMIT) {
      const requestItems: Record<string, { Keys: Row[]; ConsistentRead: true }> = {};
      for (const [physical, key] of pending.slice(start, start + BATCH_GET_LIMIT)) {
        (requestItems[physical] ??= { Keys: [], ConsistentRead: true }).Keys.push(key);
      }
      const output: BatchGetCommandOutput = await doc.send(
        new sdk.BatchGetCommand({ RequestItems: requestItems }),
      );
      for (const [physical, items] of Object.entries(output.Responses ?? {})) {
        (found[names.get(physical)!] ??= []).push(...items);
      }
      for (const [physical, left] of Object.entries(output.UnprocessedKeys ?? {})) {
        for (const key of left.Keys ?? []) unread.push([physical, key]);
      }
    }
    pending = unread;
  }
  return found;
}

type Expressions = {
  UpdateExpression?: string;
  ConditionExpression?: string;
  ExpressionAttributeNames?: Record<string, string>;
};

/**
 * A write's `#name` placeholders, each standing for the attribute of that name unless the
 * input maps them itself: a placeholder is only there because the name (status, result, item)
 * is a reserved word, so spelling the map out each time says nothing.
 */
function named<T extends Expressions>(input: T): T {
  if (input.ExpressionAttributeNames) return input;
  const text = `${input.UpdateExpression ?? ""} ${input.ConditionExpression ?? ""}`;
  const names = [...new Set(text.match(/#\w+/g) ?? [])];
  if (names.length === 0) return input;
  return {
    ...input,
    ExpressionAttributeNames: Object.fromEntries(names.map((n) => [n, n.slice(1)])),
  };
}

export async function putItem(name: TableName, input: Input<PutCommandInput>) {
  const { doc, table, sdk } = await getDb();
  return doc.send(new sdk.PutCommand({ TableName: table(name), ...named(input) }));
}

/** The item with this key, as the caller maps it, or null. */
export async function getMapped<T>(name: TableName, key: Row, map: (item: Row) => T) {
  const item = await getItem(name, key);
  return item ? map(item) : null;
}

export type NewItem = NonNullable<PutCommandInput["Item"]>;

/** A new item: the write fails (ConditionalCheckFailedException) when its key is taken. */
export function putNew(name: TableName, item: NewItem, key: string) {
  return putItem(name, { Item: item, ConditionExpression: `attribute_not_exists(${key})` });
}

export async function updateItem(name: TableName, input: Input<UpdateCommandInput>) {
  const { doc, table, sdk } = await getDb();
  return doc.send(new sdk.UpdateCommand({ TableName: table(name), ...named(input) }));
}

export async function deleteItem(name: TableName, input: Input<DeleteCommandInput>) {
  const { doc, table, sdk } = await getDb();
  return doc.send(new sdk.DeleteCommand({ TableName: table(name), ...named(input) }));
}
