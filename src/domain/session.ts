export interface SessionTimes {
  /** ISO 8601 */
  createdAt: string;
  /** ISO 8601 */
  lastSeenAt: string;
  /** ISO 8601: when the user last proved the current password in this session. */
  authenticatedAt: string;
  /** Epoch seconds (DynamoDB TTL) */
  expiresAt: number;
}

/** A signed-in browser. sessionId is the SHA-256 of the cookie's value, never the value itself. */
export interface Session extends SessionTimes {
  sessionId: string;
  userId: string;
}
