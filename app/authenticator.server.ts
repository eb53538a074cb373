import { Authenticator } from "remix-auth";
import { Strategy } from "remix-auth/strategy";
import { FormStrategy } from "remix-auth-form";
import { z } from "zod";
import {
  authenticateDevice,
  DEVICE_NAME_MAX,
  signInDevice,
  type Device,
} from "../src/accounts/devices";
import { DISABLED_MESSAGE } from "../src/accounts/service";
import { loginSchema } from "../src/accounts/validation";
import type { User } from "../src/data/users";
import { problem, validated } from "~/api.server";
import { publicBaseUrl } from "~/config.server";

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

const signInSchema = loginSchema.pick({ email: true, password: true }).extend({
  deviceName: z
    .string({ error: "Name the device, like “Amina’s phone”." })
    .trim()
    .min(1, "Name the device, like “Amina’s phone”.")
    .max(DEVICE_NAME_MAX, `A device name has at most ${DEVICE_NAME_MAX} characters.`),
});

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
  return authenticator;
}
