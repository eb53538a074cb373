import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  MailConfigurationError,
  OutboxMailer,
  SendGridMailer,
  getMailer,
  outboxPath,
  readOutbox,
} from "../../src/accounts/mailer";
import { fakeApi } from "./http-fake";

const message = { to: "maria@example.com", subject: "Hello", text: "Hi", html: "<p>Hi</p>" };

describe("SendGridMailer", () => {
  it("posts a v3 mail/send request with the key, sender and both bodies", async () => {
    const api = await fakeApi((_req, res) => res.writeHead(202).end());
    try {
      await new SendGridMailer({
        apiKey: "SG.test",
        from: "noreply@ielts.example",
        apiUrl: api.url,
      }).send(message);
      const [request] = api.received;
      expect(request?.method).toBe("POST");
      expect(request?.url).toBe("/v3/mail/send");
      expect(request?.headers.authorization).toBe("Bearer SG.test");
      expect(JSON.parse(request?.body ?? "")).toMatchObject({
        personalizations: [{ to: [{ email: "maria@example.com" }] }],
        from: { email: "noreply@ielts.example" },
        subject: "Hello",
        content: [
          { type: "text/plain", value: "Hi" },
          { type: "text/html", value: "<p>Hi</p>" },
        ],
      });
    } finally {
      await api.close();
    }
  });

  it("fails loudly when SendGrid refuses", async () => {
    const api = await fakeApi((_req, res) => res.writeHead(401).end('{"errors":[]}'));
    try {
      const mailer = new SendGridMailer({ apiKey: "bad", from: "a@b.example", apiUrl: api.url });
      await expect(mailer.send(message)).rejects.toThrow(/HTTP 401/);
    } finally {
      await api.close();
    }
  });
});

describe("outbox", () => {
  it("appends to a file and reads newest first", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "outbox-")), "nested", "outbox.jsonl");
    expect(await readOutbox(path)).toEqual([]);
    const mailer = new OutboxMailer(path);
    await mailer.send({ ...message, subject: "first" });
    await mailer.send({ ...message, subject: "second" });
    const mails = await readOutbox(path);
    expect(mails.map((m) => m.subject)).toEqual(["second", "first"]);
    expect(mails[0]?.sentAt).toMatch(/^\d{4}-/);
  });

  it("resolves a relative directory from Sandbox's project root", () => {
    const env = { OUTBOX_DIR: ".data/x", ARC_SANDBOX: JSON.stringify({ cwd: "/srv/app" }) };
    expect(outboxPath(env)).toBe("/srv/app/.data/x/outbox.jsonl");
    expect(outboxPath({ OUTBOX_DIR: "/tmp/abs" })).toBe("/tmp/abs/outbox.jsonl");
  });
});

describe("getMailer", () => {
  it("prefers SendGrid, falls back to the outbox under Sandbox, else refuses", () => {
    const sendgrid = { SENDGRID_API_KEY: "k", MAIL_FROM: "a@b.example", ARC_SANDBOX: "{}" };
    expect(getMailer(sendgrid)).toBeInstanceOf(SendGridMailer);
    expect(getMailer({ ARC_SANDBOX: "{}" })).toBeInstanceOf(OutboxMailer);
    expect(() => getMailer({})).toThrow(MailConfigurationError);
    expect(() => getMailer({ SENDGRID_API_KEY: "k" })).toThrow(/MAIL_FROM/);
  });
});
