import { json, redirect, type LoaderFunctionArgs } from "@remix-run/node";
import type { Role, User } from "../src/data/users";
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
 * Admin pages (and every admin action, checked again on the server): anonymous visitors are
 * sent to login like any page, while a signed-in user without the role gets the same 404 as a
 * page that does not exist, so a student learns nothing about what is there. A disabled
 * account has no session at all (readSession refuses it), so it counts as anonymous.
 */
export async function requireRole(request: Request, role: Role): Promise<User> {
  const user = await requireUser(request);
  if (user.role !== role) throw json({ message: "Not found" }, { status: 404 });
  return user;
}

/**
 * The guard of every /api/v1 route but sign-in: a bearer token, never the session cookie, so a
 * cross-site request cannot ride on a browser's session (and CSRF does not apply there).
 */
export type { ApiClient };

export function requireApiClient(request: Request): Promise<ApiClient> {
  return apiAuthenticator().authenticate("bearer", request);
}

/** The loader of a page that is only a form, for someone signed in: it has nothing to load. */
export async function signedInFormLoader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  return json({});
}
