import { redirect } from "@remix-run/node";
import type { User } from "../src/data/users";
import { apiAuthenticator, type ApiClient } from "~/authenticator.server";
import { getUser } from "~/session.server";

// The named guards of the doors, one per audience, so a route states who may use it in one line.

/** Student pages: the signed-in user, or a redirect to login that comes back here afterwards. */
export async function requireUser(request: Request): Promise<User> {
  const user = await getUser(request);
  if (user) return user;
  const url = new URL(request.url);
  const params = new URLSearchParams({ redirectTo: `${url.pathname}${url.search}` });
  throw redirect(`/login?${params}`);
}

/**
 * The guard of every /api/v1 route but sign-in: a bearer token, never the session cookie, so a
 * cross-site request cannot ride on a browser's session (and CSRF does not apply there).
 */
export type { ApiClient };

export function requireApiClient(request: Request): Promise<ApiClient> {
  return apiAuthenticator().authenticate("bearer", request);
}
