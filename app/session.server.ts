import { redirect } from "@remix-run/node";
import * as z from "zod";
import { createSession, readSession } from "../src/accounts/sessions";
import { deleteSession } from "../src/data/sessions";
import type { User } from "../src/data/users";
import { oncePerRequest } from "~/request-scope.server";
import { sessionCookie } from "~/security/cookies.server";

// The user id beside the session's secret lets one BatchGetItem read both (readSession); a
// cookie of any other shape, such as the bare id cookies held before, is no session. User ids
// are UUIDs, and anything else as a key could fail the read itself (DynamoDB refuses keys
// over 2 KB) and show a signed-out visitor a server error.
const SessionCookieValue = z.object({ id: z.string().min(1), user: z.uuid() });

async function sessionInCookie(
  request: Request,
): Promise<{ rawId: string; userId: string } | null> {
  const parsed = SessionCookieValue.safeParse(
    await sessionCookie.parse(request.headers.get("Cookie")),
  );
  return parsed.success ? { rawId: parsed.data.id, userId: parsed.data.user } : null;
}

/** The `Set-Cookie` value that signs this browser in to the session `rawId` of `userId`. */
export function sessionCookieHeader(rawId: string, userId: string): Promise<string> {
  return sessionCookie.serialize({ id: rawId, user: userId });
}

export async function rawSessionId(request: Request): Promise<string | null> {
  return (await sessionInCookie(request))?.rawId ?? null;
}

export async function getUser(request: Request): Promise<User | null> {
  const held = await sessionInCookie(request);
  if (!held) return null;
  const found = await oncePerRequest(`session:${held.rawId}:${held.userId}`, () =>
    readSession(held.rawId, held.userId, new Date()),
  );
  return found?.user ?? null;
}

// A fresh id on every login: an id planted before login (session fixation) is never promoted.
export async function startSession(request: Request, userId: string, redirectTo: string) {
  const previous = await rawSessionId(request);
  if (previous) await deleteSession(previous);
  const { rawId } = await createSession(userId, new Date());
  return redirect(redirectTo, {
    headers: { "Set-Cookie": await sessionCookieHeader(rawId, userId) },
  });
}

export async function endSession(request: Request, redirectTo = "/") {
  const rawId = await rawSessionId(request);
  if (rawId) await deleteSession(rawId);
  return redirect(redirectTo, {
    headers: { "Set-Cookie": await sessionCookie.serialize("", { maxAge: 0 }) },
  });
}
