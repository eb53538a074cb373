import { expect } from "vitest";
import { FormClient, linkFrom } from "./client";

export const PASSWORD = "lantern-harbour-42";

/** The newest mail to `email` in the local outbox, as its HTML. */
export async function latestMailTo(client: FormClient, email: string): Promise<string> {
  const page = await client.get("/dev/mail");
  expect(page.status).toBe(200);
  const html = await page.text();
  const start = html.indexOf(email);
  expect(start, `mail to ${email} in the outbox`).toBeGreaterThan(-1);
  return html.slice(start, start + 4000);
}

/** A new account, joined and confirmed through the outbox, signed in on the client returned. */
export async function joinAndVerify(email: string, password = PASSWORD): Promise<FormClient> {
  const client = new FormClient();
  const joined = await client.submit("/join", { email, password });
  expect(joined.status).toBe(200);
  expect(await joined.text()).toContain("Check your email");
  const verifyPath = linkFrom(await latestMailTo(client, email), "/verify-email");
  const confirmed = await client.submit(verifyPath, {}, verifyPath);
  expect(confirmed.status).toBe(302);
  expect(confirmed.headers.get("location")).toBe("/dashboard");
  return client;
}
