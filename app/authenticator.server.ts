import { Authenticator } from "remix-auth";
import { Strategy } from "remix-auth/strategy";
import { FormStrategy } from "remix-auth-form";
import type { AppLoadContext } from "@remix-run/node";
import { authenticateDevice, signInDevice, type Device } from "../src/accounts/devices";
import { redeemAppSignIn, webLoginState, type WebLoginState } from "../src/accounts/qr-login";
import { authenticate, DISABLED_MESSAGE } from "../src/accounts/service";
import { loginSchema, validate, type FieldErrors } from "../src/accounts/validation";
import { qrSignInSchema, signInSchema } from "~/api-contract/requests.server";
import type { User } from "../src/data/users";
import { problem, readJson, validated } from "~/api.server";
import { publicBaseUrl } from "~/config.server";
import { checkRecaptcha, clientIp, RECAPTCHA_FAILED } from "~/recaptcha.server";
import { qrLoginCookie } from "~/security/cookies.server";

/** Who is calling the API: the user, the device they signed in, and that device's token. */
export interface ApiClient {
  user: User;
  device: Device;
  token: string;
}

/**
 * `Authorization: Bearer <token>` (RFC 6750). Refusals are thrown as 401 problems, which is
 * remix-auth's contract for a failed strategy; the reason stays on the server, so a stolen,
 * revoked and expired token look the same to a caller.
 */
class BearerStrategy extends Strategy<ApiClient, { token: string; request: Request }> {
  name = "bearer";

  async authenticate(request: Request): Promise<ApiClient> {
    const match = /^Bearer ([^\s,]+)$/i.exec(request.headers.get("Authorization") ?? "");
    if (!match) {
      throw problem(
        request,
        "unauthorized",
        "Send Authorization: Bearer <token> from POST /api/v1/sessions.",
        {
          headers: { "WWW-Authenticate": 'Bearer realm="api"' },
        },
      );
    }
    return this.verify({ token: match[1]!, request });
  }
}

/** A scanned code that cannot be used, as the problem the app branches on. */
export function qrProblem(
  request: Request,
  reason: "not-found" | "expired" | "already-used" | "session-ended",
): Response {
  if (reason === "expired") {
    return problem(request, "qr-expired", "Ask for a new code on the screen and scan it.");
  }
  if (reason === "not-found") {
    return problem(request, "not-found", "This is not one of our QR codes, or not one for this.");
  }
  return problem(
    request,
    "conflict",
    "This code has been used or cancelled, or the browser that showed it signed out.",
  );
}

/**
 * A QR handoff: its verify reads what it needs from the request (the app's JSON, the browser's
 * cookie), so one class serves the API (a device) and the pages (a user).
 */
class QrStrategy<U> extends Strategy<U, { request: Request }> {
  name = "qr";

  async authenticate(request: Request): Promise<U> {
    return this.verify({ request });
  }
}

/**
 * A new authenticator per request, because the form strategy needs the client's address for the
 * per-IP throttle, and remix-auth hands strategies a copy of the request, not the load context.
 */
export function apiAuthenticator(clientIp?: string): Authenticator<ApiClient> {
  const authenticator = new Authenticator<ApiClient>();
  authenticator.use(
    new BearerStrategy(async ({ token, request }) => {
      const found = await authenticateDevice({ token });
      if (found.ok) return { user: found.user, device: found.device, token };
      throw problem(request, "unauthorized", "This token is not valid any more: sign in again.", {
        headers: { "WWW-Authenticate": 'Bearer realm="api", error="invalid_token"' },
      });
    }),
  );
  authenticator.use(
    new FormStrategy<ApiClient>(async ({ form, request }) => {
      const result = await signInDevice({
        ...validated(request, signInSchema, form),
        userAgent: request.headers.get("User-Agent") ?? "",
        ip: clientIp,
        baseUrl: publicBaseUrl(),
      });
      if (result.ok) return { user: result.user, device: result.device, token: result.token };
      if (result.reason === "throttled") {
        throw problem(
          request,
          "throttled",
          `Try again in ${result.retryAfterMinutes} minutes, or reset your password.`,
          {
            headers: { "Retry-After": String(result.retryAfterMinutes * 60) },
          },
        );
      }
      if (result.reason === "unverified") {
        throw problem(
          request,
          "email-unverified",
          "Confirm your email address first: we have sent you a new link.",
        );
      }
      if (result.reason === "disabled") {
        throw problem(request, "invalid-credentials", DISABLED_MESSAGE);
      }
      throw problem(request, "invalid-credentials", "Check the email and password and try again.");
    }),
  );
  // The app scanned the devices page's code: JSON `{token, deviceName}` for a device token.
  authenticator.use(
    new QrStrategy<ApiClient>(async ({ request }) => {
      const input = validated(request, qrSignInSchema, await readJson(request));
      const result = await redeemAppSignIn({
        ...input,
        userAgent: request.headers.get("User-Agent") ?? "",
      });
      if (result.ok) return { user: result.user, device: result.device, token: result.token };
      throw qrProblem(request, result.reason);
    }),
  );
  return authenticator;
}

/** The reply to a device that has just signed in, by password or by QR code. */
export function deviceSignedIn(client: ApiClient) {
  return {
    status: 201,
    data: {
      token: client.token,
      tokenType: "Bearer",
      expiresAt: client.device.expiresAt,
      device: client.device,
    },
  };
}

// ------------------------------------------------------------------------- the web pages

/** Why a web login did not sign anybody in, for the page to show with what was typed. */
export class LoginRefused extends Error {
  constructor(
    readonly status: number,
    readonly formError: string | null,
    readonly fieldErrors: FieldErrors<{ email: string; password: string }> = {},
  ) {
    super(formError ?? "invalid login form");
  }
}

/** The QR code on /login has not signed this browser in (yet): the page shows why. */
export class QrNotSignedIn extends Error {
  constructor(readonly state: Exclude<WebLoginState, { state: "signed-in" }> | { state: "none" }) {
    super(`QR login ${state.state}`);
  }
}

/** The QR login cookie's two halves: the token shown in the code and the browser's secret. */
export async function readQrLoginCookie(
  request: Request,
): Promise<{ token: string; binding: string } | null> {
  const value: unknown = await qrLoginCookie.parse(request.headers.get("Cookie"));
  if (typeof value !== "string") return null;
  const [token, binding] = value.split(".");
  return token && binding ? { token, binding } : null;
}

/**
 * The authenticator of the student pages. Both strategies give a User and the page starts the
 * session itself (remix-auth v4 leaves sessions to the app, and ours are server-side).
 * - `form`: /login's email and password, with reCAPTCHA and the login use case's throttling and
 *   single answer for an unknown email and a wrong password.
 * - `qr`: the browser that showed /login's QR code, once the app has approved it.
 * Built per request because reCAPTCHA and the per-address throttle need the load context.
 */
export function webAuthenticator(context: AppLoadContext): Authenticator<User> {
  const authenticator = new Authenticator<User>();
  authenticator.use(
    new FormStrategy<User>(async ({ form }) => {
      const parsed = validate(loginSchema, form);
      if (!parsed.ok) throw new LoginRefused(400, null, parsed.fieldErrors);
      if (!(await checkRecaptcha(form, context))) throw new LoginRefused(400, RECAPTCHA_FAILED);
      const result = await authenticate({
        email: parsed.data.email,
        password: parsed.data.password,
        ip: clientIp(context),
        baseUrl: publicBaseUrl(),
      });
      if (result.ok) return result.user;
      if (result.reason === "throttled") {
        const minutes = result.retryAfterMinutes;
        throw new LoginRefused(
          429,
          `Too many failed attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}, or reset your password.`,
        );
      }
      if (result.reason === "unverified") {
        throw new LoginRefused(
          403,
          "Confirm your email address first: we have sent you a new link.",
        );
      }
      if (result.reason === "disabled") throw new LoginRefused(403, DISABLED_MESSAGE);
      throw new LoginRefused(400, "That email and password do not match an account.");
    }),
  );
  authenticator.use(
    new QrStrategy<User>(async ({ request }) => {
      const held = await readQrLoginCookie(request);
      if (!held) throw new QrNotSignedIn({ state: "none" });
      const found = await webLoginState(held);
      if (found.state === "signed-in") return found.user;
      throw new QrNotSignedIn(found);
    }),
  );
  return authenticator;
}
