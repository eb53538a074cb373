import type { AppLoadContext } from "@remix-run/node";
import { verifyRecaptcha } from "../src/accounts/recaptcha";

export const RECAPTCHA_FAILED = "Please tick the “I’m not a robot” box.";

export function recaptchaSiteKey(): string | null {
  return process.env.RECAPTCHA_SITE_KEY && process.env.RECAPTCHA_SECRET_KEY
    ? process.env.RECAPTCHA_SITE_KEY
    : null;
}

export async function checkRecaptcha(form: FormData, context: AppLoadContext): Promise<boolean> {
  const token = form.get("g-recaptcha-response");
  return verifyRecaptcha(typeof token === "string" ? token : "", clientIp(context));
}

export function clientIp(context: AppLoadContext): string {
  return typeof context.clientIp === "string" ? context.clientIp : "unknown";
}
