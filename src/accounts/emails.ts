export interface EmailContent {
  subject: string;
  text: string;
  html: string;
}

const PRODUCT = "IELTS AI Prep";

function link(baseUrl: string, path: string, token?: string): string {
  const url = new URL(path, baseUrl);
  if (token !== undefined) url.searchParams.set("token", token);
  return url.toString();
}

/** A mail whose link carries a single-use token that lasts ttlMinutes. */
type TokenLinkEmail = (baseUrl: string, token: string, ttlMinutes: number) => EmailContent;

const worksOnce = (ttlMinutes: number) =>
  `The link works once and expires in ${ttlMinutes} minutes.`;

export const verificationEmail: TokenLinkEmail = (baseUrl, token, ttlMinutes) =>
  compose({
    subject: `Confirm your email for ${PRODUCT}`,
    paragraphs: [
      `Welcome to ${PRODUCT}. Confirm that this is your email address by opening this link:`,
    ],
    url: link(baseUrl, "/verify-email", token),
    after: [worksOnce(ttlMinutes), "If you did not create an account, ignore this email."],
  });

export const passwordResetEmail: TokenLinkEmail = (baseUrl, token, ttlMinutes) =>
  compose({
    subject: `Reset your ${PRODUCT} password`,
    paragraphs: ["Someone asked to reset the password for this email address. If it was you:"],
    url: link(baseUrl, "/reset-password", token),
    after: [
      `${worksOnce(ttlMinutes)} Resetting your password signs you out everywhere.`,
      "If you did not ask, ignore this email: your password stays as it is.",
    ],
  });

/**
 * Sent instead of a verification mail when someone joins with an address that already has an
 * account: the page answers the same either way, and only the owner of the inbox learns it.
 */
export function accountExistsEmail(baseUrl: string): EmailContent {
  return compose({
    subject: `Someone tried to create a ${PRODUCT} account with your email`,
    paragraphs: [
      "Someone tried to create an account with this email address, but you already have one.",
      "If it was you, log in, or reset your password if you have forgotten it:",
    ],
    url: link(baseUrl, "/forgot-password"),
    after: ["If it was not you, ignore this email: nothing has changed."],
  });
}

function compose(parts: {
  subject: string;
  paragraphs: string[];
  url: string;
  after: string[];
}): EmailContent {
  const text = [...parts.paragraphs, "", parts.url, "", ...parts.after, "", `- ${PRODUCT}`].join(
    "\n",
  );
  const p = (s: string) => `<p>${escapeHtml(s)}</p>`;
  const href = escapeHtml(parts.url);
  const html = [
    "<!doctype html>",
    `<html><body style="font-family:sans-serif;line-height:1.5;max-width:36em">`,
    ...parts.paragraphs.map(p),
    `<p><a href="${href}">${href}</a></p>`,
    ...parts.after.map(p),
    p(`- ${PRODUCT}`),
    "</body></html>",
  ].join("\n");
  return { subject: parts.subject, text, html };
}

function escapeHtml(value: string): string {
  return value.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );
}
