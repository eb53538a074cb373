import {
  DeleteCommand,
  GetCommand,
  PutCommand,
  UpdateCommand,
  type DeleteCommandInput,
  type PutCommandInput,
  type UpdateCommandInput,
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
  const { doc, table } = await getDb();
  const { Item } = await doc.send(
    new GetCommand({ TableName: table(name), Key: key, ConsistentRead: consistent }),
  );
  return Item;
}

export async function putItem(name: TableName, input: Input<PutCommandInput>) {
  const { doc, table } = await getDb();
  return doc.send(new PutCommand({ TableName: table(name), ...input }));
}

export async function updateItem(name: TableName, input: Input<UpdateCommandInput>) {
  const { doc, table } = await getDb();
  return doc.send(new UpdateCommand({ TableName: table(name), ...input }));
}

export async function deleteItem(name: TableName, input: Input<DeleteCommandInput>) {
  const { doc, table } = await getDb();
  return doc.send(new DeleteCommand({ TableName: table(name), ...input }));
}
