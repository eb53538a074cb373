import {
  DeleteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from "@aws-sdk/lib-dynamodb";
import { ConditionalCheckFailedException } from "@aws-sdk/client-dynamodb";
import { evaluateSession, sessionExpiresAt, type SessionTimes } from "../accounts/session-policy";
import { isTokenFormat, randomToken, sha256 } from "../accounts/tokens";
import { writeIf } from "./conditional";
import { getDb } from "./tables";
import { getUserById, type User } from "./users";

/** The stored row. sessionId is the SHA-256 of the cookie's value, never the value itself. */
export interface Session extends SessionTimes {
  sessionId: string;
  userId: string;
}

export async function createSession(
  userId: string,
  now = new Date(),
): Promise<{ rawId: string; session: Session }> {
  const { doc, table } = await getDb();
  const rawId = randomToken();
  const at = now.toISOString();
  const session: Session = {
    sessionId: sha256(rawId),
    userId,
    createdAt: at,
    lastSeenAt: at,
    authenticatedAt: at,
    expiresAt: sessionExpiresAt(now),
  };
  await doc.send(
    new PutCommand({
      TableName: table("sessions"),
      Item: session,
      ConditionExpression: "attribute_not_exists(sessionId)",
    }),
  );
  return { rawId, session };
}

export async function readSession(
  rawId: string,
  now = new Date(),
): Promise<{ session: Session; user: User } | null> {
  if (!isTokenFormat(rawId)) return null;
  const { doc, table } = await getDb();
  const sessionId = sha256(rawId);
  const { Item } = await doc.send(
    new GetCommand({ TableName: table("sessions"), Key: { sessionId }, ConsistentRead: true }),
  );
  if (!Item) return null;
  const session = Item as Session;
  const user = await getUserById(session.userId);
  if (!user) return null;

  const verdict = evaluateSession(session, user, now);
  if (!verdict.valid) {
    // A session that timed out can never come back, so tidy it now rather than wait for TTL.
    // One outdated by a password change is left alone: changePassword re-stamps the session it
    // keeps, and deleting here could race with that.
    if (verdict.reason !== "password-changed") await deleteBySessionId(sessionId);
    return null;
  }
  if (!verdict.touch) return { session, user };

  const lastSeenAt = now.toISOString();
  try {
    await doc.send(
      new UpdateCommand({
        TableName: table("sessions"),
        Key: { sessionId },
        UpdateExpression: "SET lastSeenAt = :at",
        // A logout that landed since the read must win: no resurrecting a deleted row.
        ConditionExpression: "attribute_exists(sessionId)",
        ExpressionAttributeValues: { ":at": lastSeenAt },
      }),
    );
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return null;
    throw error;
  }
  return { session: { ...session, lastSeenAt }, user };
}

/**
 * Marks the session as holding the current password (after changePassword), so the check
 * "authenticated before the last password change" does not end the session that made it.
 */
export async function confirmSessionPassword(
  rawId: string,
  passwordChangedAt: string,
): Promise<void> {
  if (!isTokenFormat(rawId)) return;
  const { doc, table } = await getDb();
  // A session logged out meanwhile stays gone: the write only applies to an existing row.
  await writeIf(() =>
    doc.send(
      new UpdateCommand({
        TableName: table("sessions"),
        Key: { sessionId: sha256(rawId) },
        UpdateExpression: "SET authenticatedAt = :at",
        ConditionExpression: "attribute_exists(sessionId)",
        ExpressionAttributeValues: { ":at": passwordChangedAt },
      }),
    ),
  );
}

export async function deleteSession(rawId: string): Promise<void> {
  if (!isTokenFormat(rawId)) return;
  await deleteBySessionId(sha256(rawId));
}

/**
 * The byUser index is eventually consistent, so a session made a moment ago can be missed
 * here; after a password change readSession rejects such a straggler anyway.
 */
export async function deleteUserSessions(
  userId: string,
  options: { except?: string } = {},
): Promise<void> {
  const { doc, table } = await getDb();
  const keep = options.except === undefined ? undefined : sha256(options.except);
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await doc.send(
      new QueryCommand({
        TableName: table("sessions"),
        IndexName: "byUser",
        KeyConditionExpression: "userId = :userId",
        ExpressionAttributeValues: { ":userId": userId },
        ProjectionExpression: "sessionId",
        ExclusiveStartKey: startKey,
      }),
    );
    const ids = (page.Items ?? [])
      .map((item) => item.sessionId as string)
      .filter((id) => id !== keep);
    await Promise.all(ids.map(deleteBySessionId));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
}

async function deleteBySessionId(sessionId: string): Promise<void> {
  const { doc, table } = await getDb();
  await doc.send(new DeleteCommand({ TableName: table("sessions"), Key: { sessionId } }));
}
