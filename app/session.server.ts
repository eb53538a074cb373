import { redirect } from "@remix-run/node";
import { createSession, readSession } from "../src/accounts/sessions";
import { deleteSession } from "../src/data/sessions";
import type { User } from "../src/data/users";
import { oncePerRequest } from "~/request-scope.server";
import { sessionCookie } from "~/security/cookies.server";

async function rawSessionId(request: Request): Promise<string | null> {
  const value: unknown = await sessionCookie.parse(request.headers.get("Cookie"));
  return typeof value === "string" && value.length > 0 ? value : null;
}

export async function getUser(request: Request): Promise<User | null> {
  const rawId = await rawSessionId(request);
  if (!rawId) return null;
  const found = await oncePerRequest(`session:${rawId}`, () => readSession(rawId, new Date()));
  return found?.user ?? null;
}

// A fresh id on every login: an id planted before login (session fixation) is never promoted.
export async function startSession(request: Request, userId: string, redirectTo: string) {
  const previous = await rawSessionId(request);
  if (previous) await deleteSession(previous);
  const { rawId } = await createSession(userId, new Date());
  return redirect(redirectTo, {
    headers: { "Set-Cookie": await sessionCookie.serialize(rawId) },
  });
}

export async function endSession(request: Request, redirectTo = "/") {
  const rawId = await rawSessionId(request);
  if (rawId) await deleteSession(rawId);
  return redirect(redirectTo, {
    headers: { "Set-Cookie": await sessionCookie.serialize("", { maxAge: 0 }) },
  });
}

export { rawSessionId };
