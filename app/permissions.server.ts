import { apiAuthenticator, type ApiClient } from "~/authenticator.server";

/**
 * The guard of every /api/v1 route but sign-in: a bearer token, never the session cookie, so a
 * cross-site request cannot ride on a browser's session (and CSRF does not apply there).
 */
export type { ApiClient };

export function requireApiClient(request: Request): Promise<ApiClient> {
  return apiAuthenticator().authenticate("bearer", request);
}
