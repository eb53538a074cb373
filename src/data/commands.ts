import type {
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
