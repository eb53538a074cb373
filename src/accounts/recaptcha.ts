const DEFAULT_VERIFY_URL = "https://www.google.com/recaptcha/api/siteverify";

/** The variables read; a plain record, so tests can pass their own. */
type Env = Readonly<Record<string, string | undefined>>;

let warned = false;

/**
 * Server-side check of a reCAPTCHA v2 response (the form's `g-recaptcha-response`). Without a
 * secret the check is off, so local runs and tests work offline; the log line makes that
 * visible in case a deployment forgot the key.
 */
export async function verifyRecaptcha(
  token: string | null | undefined,
  remoteIp?: string,
  env: Env = process.env,
): Promise<boolean> {
  const secret = env.RECAPTCHA_SECRET_KEY;
  if (!secret) {
    if (!warned) {
      warned = true;
      console.warn("reCAPTCHA disabled: RECAPTCHA_SECRET_KEY not set");
    }
    return true;
  }
  if (!token) return false;

  const body = new URLSearchParams({ secret, response: token });
  if (remoteIp) body.set("remoteip", remoteIp);
  try {
    const response = await fetch(env.RECAPTCHA_VERIFY_URL ?? DEFAULT_VERIFY_URL, {
      method: "POST",
      body,
      signal: AbortSignal.timeout(5_000),
    });
    if (!response.ok) return false;
    const result = (await response.json()) as { success?: unknown };
    return result.success === true;
  } catch {
    // Fail closed: a check that cannot run must not wave a bot through.
    return false;
  }
}
