import { isTokenFormat, randomToken, sha256 } from "../domain/tokens";
import { deleteItem, getItem, putItem } from "./commands";
import { deleteReturning } from "./conditional";
import { forEachPage } from "./paginate";

export type TokenPurpose = "verify-email" | "reset-password";

/** The user id a link's token stands for, or null when it stands for nobody (any more). */
type TokenCheck = (rawToken: string, purpose: TokenPurpose, now?: Date) => Promise<string | null>;

const MIN_TOKEN_TTL_MINUTES = 30;
const MAX_TOKEN_TTL_MINUTES = 60;

export async function issueToken(
  userId: string,
  purpose: TokenPurpose,
  ttlMinutes: number,
  now = new Date(),
): Promise<string> {
  if (!(ttlMinutes >= MIN_TOKEN_TTL_MINUTES && ttlMinutes <= MAX_TOKEN_TTL_MINUTES)) {
    throw new RangeError(
      `One-time links live ${MIN_TOKEN_TTL_MINUTES}-${MAX_TOKEN_TTL_MINUTES} minutes, not ${ttlMinutes}`,
    );
  }
  const rawToken = randomToken();
  await putItem("auth-tokens", {
    Item: {
      tokenHash: sha256(rawToken),
      userId,
      purpose,
      createdAt: now.toISOString(),
      expiresAt: Math.floor(now.getTime() / 1000) + ttlMinutes * 60,
    },
    ConditionExpression: "attribute_not_exists(tokenHash)",
  });
  return rawToken;
}

/**
 * Whose token this is, without using it up: lets a reset page refuse a dead link before the
 * user types a new password, and lets the password rules see the user's email.
 */
export const findToken: TokenCheck = async (rawToken, purpose, now = new Date()) => {
  if (!isTokenFormat(rawToken)) return null;
  const item = await getItem("auth-tokens", { tokenHash: sha256(rawToken) });
  if (!item || item.purpose !== purpose || !isLive(item.expiresAt, now)) return null;
  return String(item.userId);
};

/**
 * Single use: the delete and the checks happen in one conditional write, so two requests
 * racing with the same link cannot both get the user id. A token of another purpose or past
 * its expiry (TTL deletion lags) fails the condition and is refused.
 */
export const consumeToken: TokenCheck = async (rawToken, purpose, now = new Date()) => {
  if (!isTokenFormat(rawToken)) return null;
  const old = await deleteReturning("auth-tokens", {
    Key: { tokenHash: sha256(rawToken) },
    ConditionExpression: "attribute_exists(tokenHash) AND purpose = :purpose AND expiresAt > :now",
    ExpressionAttributeValues: {
      ":purpose": purpose,
      ":now": Math.floor(now.getTime() / 1000),
    },
    ReturnValues: "ALL_OLD",
  });
  return typeof old?.userId === "string" ? old.userId : null;
};

/** After a reset, the user's other outstanding links of that kind must stop working too. */
export async function deleteUserTokens(userId: string, purpose: TokenPurpose): Promise<void> {
  await forEachPage(
    "auth-tokens",
    {
      index: "byUser",
      key: { userId },
      filter: "purpose = :purpose",
      values: { ":purpose": purpose },
      projection: "tokenHash",
    },
    async (rows) => {
      await Promise.all(
        rows.map((item) =>
          deleteItem("auth-tokens", { Key: { tokenHash: String(item.tokenHash) } }),
        ),
      );
    },
  );
}

function isLive(expiresAt: unknown, now: Date): boolean {
  return typeof expiresAt === "number" && expiresAt > Math.floor(now.getTime() / 1000);
}
