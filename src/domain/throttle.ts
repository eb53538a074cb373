/** A counting window for one key: it opens with the first event and closes a fixed time later. */
export interface ThrottleRecord {
  throttleKey: string;
  /** Events counted in the window (failed logins, mails sent). */
  failures: number;
  /** Epoch seconds: the end of the window, also the DynamoDB TTL. */
  expiresAt: number;
}
