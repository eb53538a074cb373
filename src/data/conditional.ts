import { ConditionalCheckFailedException } from "@aws-sdk/client-dynamodb";
import {
  DeleteCommand,
  PutCommand,
  UpdateCommand,
  type DeleteCommandInput,
  type PutCommandInput,
  type UpdateCommandInput,
} from "@aws-sdk/lib-dynamodb";
import { getDb, type Db, type TableName } from "./tables";

type Row = Record<string, unknown>;
type Input<T> = Omit<T, "TableName">;

/**
 * Runs a conditional write: when it was applied, the attributes its ReturnValues asks for ({}
 * when none); null when its condition did not hold (someone else got there first, or the item
 * is in another state). Any other error is thrown.
 */
async function attributesIf(write: (db: Db) => Promise<{ Attributes?: Row }>): Promise<Row | null> {
  const db = await getDb();
  try {
    const { Attributes } = await write(db);
    return Attributes ?? {};
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return null;
    throw error;
  }
}

export function updateReturning(name: TableName, input: Input<UpdateCommandInput>) {
  return attributesIf(({ doc, table }) =>
    doc.send(new UpdateCommand({ TableName: table(name), ...input })),
  );
}

export function deleteReturning(name: TableName, input: Input<DeleteCommandInput>) {
  return attributesIf(({ doc, table }) =>
    doc.send(new DeleteCommand({ TableName: table(name), ...input })),
  );
}

// The same writes, answering only whether they were applied.

export async function updateIf(name: TableName, input: Input<UpdateCommandInput>) {
  return (await updateReturning(name, input)) !== null;
}

export async function deleteIf(name: TableName, input: Input<DeleteCommandInput>) {
  return (await deleteReturning(name, input)) !== null;
}

export async function putIf(name: TableName, input: Input<PutCommandInput>) {
  const put = ({ doc, table }: Db) =>
    doc.send(new PutCommand({ TableName: table(name), ...input }));
  return (await attributesIf(put)) !== null;
}
