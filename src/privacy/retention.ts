import { RESET_PASSWORD_TTL_MINUTES, VERIFY_EMAIL_TTL_MINUTES } from "../accounts/service";
import { API_TOKEN_IDLE_MS, API_TOKEN_LIFETIME_MS } from "../accounts/devices";
import { ABSOLUTE_LIFETIME_MS, IDLE_TIMEOUT_MS } from "../accounts/session-policy";
import { MAIL_LIMITS, THROTTLE_WINDOW_MINUTES } from "../accounts/throttle-policy";
import { RETENTION_DAYS } from "../domain/retention";

export interface RetentionRow {
  what: string;
  kept: string;
}

const HOUR_MS = 60 * 60_000;
const DAY_MS = 24 * HOUR_MS;

/**
 * How long each kind of item is kept, built from the limits the code enforces, so the privacy
 * page states what the tables actually do.
 */
export function retentionRows(): RetentionRow[] {
  return [
    {
      what: "Browser sign-in (session)",
      kept: `${ABSOLUTE_LIFETIME_MS / HOUR_MS} hours at most, ${IDLE_TIMEOUT_MS / HOUR_MS} hours without use, or until you log out`,
    },
    {
      what: "Mobile app sign-in (device)",
      kept: `${API_TOKEN_LIFETIME_MS / DAY_MS} days at most, ${API_TOKEN_IDLE_MS / DAY_MS} days without use, or until you revoke it`,
    },
    {
      what: "Email confirmation and password reset links",
      kept: `${VERIFY_EMAIL_TTL_MINUTES} and ${RESET_PASSWORD_TTL_MINUTES} minutes, or until used`,
    },
    {
      what: "Counters of failed logins and of mails sent (by account and by network address)",
      kept: `${THROTTLE_WINDOW_MINUTES} minutes for logins, ${MAIL_LIMITS.windowMinutes} minutes for mail`,
    },
    {
      what: "Drafts not handed in (Writing, Speaking, papers, mock tests)",
      kept: `${RETENTION_DAYS.drafts} days after you last saved them`,
    },
    {
      what: "Records of what the AI safety checks caught while scoring your work",
      kept: `${RETENTION_DAYS.safetyLogs} days`,
    },
    {
      what: "Your account, handed-in assessments with their results and recordings, your reports of feedback, your consent answers",
      kept: "until you delete them or your account",
    },
  ];
}
