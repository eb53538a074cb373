import { ConditionalCheckFailedException } from "@aws-sdk/client-dynamodb";

/**
 * Runs a conditional write: true when it was applied, false when its condition did not hold
 * (someone else got there first, or the item is in another state). Any other error is thrown.
 */
export async function writeIf(write: () => Promise<unknown>): Promise<boolean> {
  try {
    await write();
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}
