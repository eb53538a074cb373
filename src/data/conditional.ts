import type {
  DeleteCommandInput,
  PutCommandInput,
  UpdateCommandInput,
} from "@aws-sdk/lib-dynamodb";
import { deleteItem, putItem, putNew, updateItem, type Input, type NewItem } from "./commands";
import type { TableName } from "./tables";

type Row = Record<string, unknown>;

/**
 * Runs a conditional write: when it was applied, the attributes its ReturnValues asks for ({}
 * when none); null when its condition did not hold (someone else got there first, or the item
 * is in another state). Any other error is thrown.
 */
async function attributesIf(write: () => Promise<{ Attributes?: Row }>): Promise<Row | null> {
  try {
    const { Attributes } = await write();
    return Attributes ?? {};
  } catch (error) {
    // By name: the SDK's error class is loaded with the SDK, on first use (tables.ts).
    if (error instanceof Error && error.name === "ConditionalCheckFailedException") return null;
    throw error;
  }
}

export function updateReturning(name: TableName, input: Input<UpdateCommandInput>) {
  return attributesIf(() => updateItem(name, input));
}

export function deleteReturning(name: TableName, input: Input<DeleteCommandInput>) {
  return attributesIf(() => deleteItem(name, input));
}

// The same writes, answering only whether they were applied.

export async function updateIf(name: TableName, input: Input<UpdateCommandInput>) {
  return (await updateReturning(name, input)) !== null;
}

export async function deleteIf(name: TableName, input: Input<DeleteCommandInput>) {
  return (await deleteReturning(name, input)) !== null;
}

export async function putIf(name: TableName, input: Input<PutCommandInput>) {
  return (await attributesIf(() => putItem(name, input))) !== null;
}

/** A new item, unless one with its key is there already: false then. */
export async function putNewIf(name: TableName, item: NewItem, key: string) {
  return (await attributesIf(() => putNew(name, item, key))) !== null;
}
