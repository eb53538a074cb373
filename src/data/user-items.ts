import * as commands from "./commands";
import { queryAll } from "./paginate";
import type { TableName } from "./tables";

// Plain item access for export and erasure, which walk every table the same way: which items
// are whose, and what happens to them, is decided in src/privacy/tables.ts, not here.

type Item = Record<string, unknown>;

/** Items by their (single-attribute) keys; keys with no item are skipped. */
export async function getItemsByKey(
  name: TableName,
  keyAttribute: string,
  keys: readonly string[],
): Promise<Item[]> {
  const unique = [...new Set(keys)];
  const found = await commands.getItems({ [name]: unique.map((key) => ({ [keyAttribute]: key })) });
  return found[name] ?? [];
}

/** Every item whose `attribute` is `value`: through `index`, or the table's own partition key. */
export async function queryItems(
  name: TableName,
  attribute: string,
  value: string,
  index?: string,
): Promise<Item[]> {
  return queryAll(
    name,
    { index, key: { [attribute]: value }, consistent: index ? undefined : true },
    (row) => row,
  );
}

export async function deleteItem(
  name: TableName,
  item: Item,
  keyAttributes: readonly string[],
): Promise<void> {
  await commands.deleteItem(name, { Key: pick(item, keyAttributes) });
}

/** Replaces `item` with `replacement`, which may have another key (an anonymised copy). */
export async function replaceItem(
  name: TableName,
  item: Item,
  replacement: Item,
  keyAttributes: readonly string[],
): Promise<void> {
  await commands.putItem(name, { Item: replacement });
  const sameKey = keyAttributes.every((attribute) => item[attribute] === replacement[attribute]);
  if (!sameKey) await deleteItem(name, item, keyAttributes);
}

function pick(item: Item, attributes: readonly string[]): Item {
  return Object.fromEntries(attributes.map((attribute) => [attribute, item[attribute]]));
}
