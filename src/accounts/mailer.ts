import { appendFile, mkdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { localDir } from "../data/project-root";

/** The variables read; a plain record, so tests can pass their own. */
type Env = Readonly<Record<string, string | undefined>>;

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

export class MailConfigurationError extends Error {
  override name = "MailConfigurationError";
}

export class SendGridMailer implements Mailer {
  constructor(private readonly options: { apiKey: string; from: string; apiUrl?: string }) {}

  async send(message: MailMessage): Promise<void> {
    const base = this.options.apiUrl ?? "https://api.sendgrid.com";
    const response = await fetch(new URL("/v3/mail/send", base), {
      method: "POST",
      headers: {
        authorization: `Bearer ${this.options.apiKey}`,
        "content-type": "application/json",
      },
      body: JSON.stringify({
        personalizations: [{ to: [{ email: message.to }] }],
        from: { email: this.options.from },
        subject: message.subject,
        // SendGrid requires text/plain before text/html.
        content: [
          { type: "text/plain", value: message.text },
          { type: "text/html", value: message.html },
        ],
        // Click tracking would rewrite the one-time links through SendGrid's redirector.
        tracking_settings: { click_tracking: { enable: false, enable_text: false } },
      }),
      signal: AbortSignal.timeout(10_000),
    });
    if (!response.ok) {
      // The body explains the refusal (bad key, unverified sender) but may echo the message,
      // which holds a one-time link: log the status only.
      throw new Error(`SendGrid refused the message: HTTP ${response.status}`);
    }
  }
}

export interface OutboxEntry extends MailMessage {
  sentAt: string;
}

/**
 * Where mail goes locally. A file, not memory: Sandbox runs every request in a fresh process,
 * and the /dev/mail page must see what an earlier request sent. A relative OUTBOX_DIR is taken
 * from the project root (Sandbox runs a Lambda inside its own folder, and says where the
 * project is in ARC_SANDBOX.cwd), so the app and the tests find the same file.
 */
export function outboxPath(env: Env = process.env): string {
  const dir = env.OUTBOX_DIR ?? ".data/outbox";
  return join(localDir(dir, env), "outbox.jsonl");
}

export class OutboxMailer implements Mailer {
  constructor(private readonly path = outboxPath()) {}

  async send(message: MailMessage): Promise<void> {
    await mkdir(join(this.path, ".."), { recursive: true });
    const entry: OutboxEntry = { ...message, sentAt: new Date().toISOString() };
    await appendFile(this.path, `${JSON.stringify(entry)}\n`);
  }
}

/** Newest first. */
export async function readOutbox(path = outboxPath()): Promise<OutboxEntry[]> {
  let content: string;
  try {
    content = await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  return content
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as OutboxEntry)
    .reverse();
}

function isLocalMode(env: Env = process.env): boolean {
  return Boolean(env.ARC_SANDBOX);
}

export function getMailer(env: Env = process.env): Mailer {
  const { SENDGRID_API_KEY, MAIL_FROM, SENDGRID_API_URL } = env;
  if (SENDGRID_API_KEY) {
    if (!MAIL_FROM)
      throw new MailConfigurationError("SENDGRID_API_KEY is set but MAIL_FROM is not");
    return new SendGridMailer({
      apiKey: SENDGRID_API_KEY,
      from: MAIL_FROM,
      apiUrl: SENDGRID_API_URL,
    });
  }
  if (isLocalMode(env)) return new OutboxMailer(outboxPath(env));
  // Failing loudly beats a production sign-up whose verification mail silently goes nowhere.
  throw new MailConfigurationError(
    "No mail transport: set SENDGRID_API_KEY and MAIL_FROM (the local outbox is only used under Sandbox)",
  );
}
