import { putNew, getMapped } from "./commands";
import { deleteIf, updateIf } from "./conditional";
import { strings } from "./fields";
import { queryAll } from "./paginate";

/**
 * A signed-in device of the mobile app. tokenHash is the SHA-256 of the bearer token, never the
 * token itself; it doubles as the device's id on the account page, where it reveals nothing.
 */
export interface ApiTokenRow {
  tokenHash: string;
  userId: string;
  deviceName: string;
  userAgent: string;
  /** ISO 8601 */
  createdAt: string;
  /** ISO 8601 */
  lastUsedAt: string;
  /** Epoch seconds (DynamoDB TTL) */
  expiresAt: number;
}

export async function putApiToken(row: ApiTokenRow): Promise<void> {
  await putNew("api-tokens", row, "tokenHash");
}

/** The stored row, or null; whether it is still valid is decided by the caller. */
export async function getApiToken(tokenHash: string): Promise<ApiTokenRow | null> {
  return getMapped("api-tokens", { tokenHash }, toRow);
}

/** False when the row is gone: a revocation that landed since the read must win. */
export async function touchApiToken(tokenHash: string, lastUsedAt: string): Promise<boolean> {
  return updateIf("api-tokens", {
    Key: { tokenHash },
    UpdateExpression: "SET lastUsedAt = :at",
    ConditionExpression: "attribute_exists(tokenHash)",
    ExpressionAttributeValues: { ":at": lastUsedAt },
  });
}

/** Only the owner's row is deleted, so a guessed id from another account removes nothing. */
export async function deleteApiToken(tokenHash: string, userId: string): Promise<boolean> {
  return deleteIf("api-tokens", {
    Key: { tokenHash },
    ConditionExpression: "userId = :userId",
    ExpressionAttributeValues: { ":userId": userId },
  });
}

/** Signs every device of the user out (an admin's revoke, a disabled account). */
export async function deleteUserApiTokens(userId: string): Promise<number> {
  const rows = await listUserApiTokens(userId);
  await Promise.all(rows.map((row) => deleteApiToken(row.tokenHash, userId)));
  return rows.length;
}

export async function listUserApiTokens(userId: string): Promise<ApiTokenRow[]> {
  return queryAll("api-tokens", { index: "byUser", key: { userId } }, toRow);
}

function toRow(item: Record<string, unknown>): ApiTokenRow {
  return {
    ...strings(item, ["tokenHash", "userId", "createdAt", "lastUsedAt"]),
    deviceName: String(item.deviceName ?? ""),
    userAgent: String(item.userAgent ?? ""),
    expiresAt: Number(item.expiresAt),
  };
}
