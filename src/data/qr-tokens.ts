import { putItem, getMapped } from "./commands";
import { updateIf } from "./conditional";
import { optionalStrings, strings } from "./fields";

/**
 * A QR login handoff. tokenHash is the SHA-256 of the token in the QR code; bindingHash is the
 * SHA-256 of the secret that ties it to the browser that showed it (a cookie before login, the
 * session after), so neither a leaked table nor a photographed screen signs anybody in.
 *
 * - `web-login`: shown on /login; a signed-in app approves it (approvedBy*, userId), then the
 *   browser holding the binding claims it.
 * - `app-sign-in`: shown to a signed-in browser (userId set at creation); the app redeems it.
 */
export interface QrTokenRow {
  tokenHash: string;
  kind: "web-login" | "app-sign-in";
  bindingHash: string;
  /** A short description of the browser that showed the code, for the app to show. */
  browser: string;
  /** ISO 8601 */
  createdAt: string;
  /** Epoch seconds (DynamoDB TTL), checked on every read: TTL deletes up to two days late. */
  expiresAt: number;
  /** Flipped once, by a conditional update: the handoff that signed somebody in. */
  used: boolean;
  userId?: string;
  /** ISO 8601 */
  approvedAt?: string;
  /** The device that approved (web-login) or was signed in (app-sign-in). */
  deviceName?: string;
  /** ISO 8601 */
  cancelledAt?: string;
}

export async function putQrToken(row: QrTokenRow): Promise<void> {
  await putItem("qr-tokens", { Item: row, ConditionExpression: "attribute_not_exists(tokenHash)" });
}

export async function getQrToken(tokenHash: string): Promise<QrTokenRow | null> {
  return getMapped("qr-tokens", { tokenHash }, toRow);
}

/** Still open: not used, not cancelled, not expired (a TTL that has not run yet counts). */
const OPEN = "used = :false AND attribute_not_exists(cancelledAt) AND expiresAt > :now";

/**
 * The approval of a web login by a signed-in app; false when another approval (or a cancel, or
 * the clock) got there first, so of two concurrent approvals exactly one wins.
 */
export async function approveQrToken(
  tokenHash: string,
  approval: { userId: string; deviceName: string; approvedAt: string; nowSeconds: number },
): Promise<boolean> {
  return updateIf("qr-tokens", {
    Key: { tokenHash },
    UpdateExpression: "SET userId = :userId, deviceName = :device, approvedAt = :at",
    ConditionExpression: `kind = :kind AND attribute_not_exists(approvedAt) AND ${OPEN}`,
    ExpressionAttributeValues: {
      ":userId": approval.userId,
      ":device": approval.deviceName,
      ":at": approval.approvedAt,
      ":kind": "web-login",
      ":false": false,
      ":now": approval.nowSeconds,
    },
  });
}

/**
 * Single use: `used` goes from false to true once. A web login is claimed only by its own
 * browser after an approval; an app sign-in records the device it signed in.
 */
export async function useQrToken(
  tokenHash: string,
  use: { kind: QrTokenRow["kind"]; nowSeconds: number; bindingHash?: string; deviceName?: string },
): Promise<boolean> {
  const web = use.kind === "web-login";
  return updateIf("qr-tokens", {
    Key: { tokenHash },
    UpdateExpression: web ? "SET used = :true" : "SET used = :true, deviceName = :device",
    ConditionExpression: web
      ? `kind = :kind AND bindingHash = :binding AND attribute_exists(approvedAt) AND ${OPEN}`
      : `kind = :kind AND ${OPEN}`,
    ExpressionAttributeValues: {
      ":true": true,
      ":false": false,
      ":kind": use.kind,
      ":now": use.nowSeconds,
      ...(web ? { ":binding": use.bindingHash } : { ":device": use.deviceName }),
    },
  });
}

/** Only the browser that showed the code can cancel it, and only while nobody has used it. */
export async function cancelQrToken(
  tokenHash: string,
  bindingHash: string,
  cancelledAt: string,
): Promise<boolean> {
  return updateIf("qr-tokens", {
    Key: { tokenHash },
    UpdateExpression: "SET cancelledAt = :at",
    ConditionExpression:
      "bindingHash = :binding AND used = :false AND attribute_not_exists(cancelledAt)",
    ExpressionAttributeValues: { ":at": cancelledAt, ":binding": bindingHash, ":false": false },
  });
}

function toRow(item: Record<string, unknown>): QrTokenRow {
  return {
    ...strings(item, ["tokenHash", "bindingHash", "createdAt"]),
    kind: item.kind === "app-sign-in" ? "app-sign-in" : "web-login",
    browser: String(item.browser ?? ""),
    expiresAt: Number(item.expiresAt),
    used: item.used === true,
    ...optionalStrings(item, ["userId", "approvedAt", "deviceName", "cancelledAt"]),
  };
}
