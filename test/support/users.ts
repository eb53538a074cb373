import { hashPassword } from "../../src/accounts/passwords";
import { createSession } from "../../src/accounts/sessions";
import { addAdmin, createUser, markEmailVerified, setRole, type User } from "../../src/data/users";
import { sessionCookieHeader } from "~/session.server";
import { FormClient, uniqueEmail } from "./client";

export const TEST_PASSWORD = "steady-lighthouse-41";

/** A verified student made straight in the database, for tests about other things than joining. */
export async function createStudent(label: string): Promise<User> {
  const created = await createUser({
    email: uniqueEmail(label),
    passwordHash: await hashPassword(TEST_PASSWORD),
  });
  if (!created.ok) throw new Error("could not create the test user");
  await markEmailVerified(created.user.userId);
  return created.user;
}

/** The session cookie for `user`, as the browser would hold it after logging in. */
export async function sessionCookieFor(user: User): Promise<{ name: string; value: string }> {
  const { rawId } = await createSession(user.userId);
  return sessionCookiePair(rawId, user.userId);
}

/** The cookie a browser holds for the session `rawId` of `userId`, however that was made. */
export async function sessionCookiePair(
  rawId: string,
  userId: string,
): Promise<{ name: string; value: string }> {
  const [pair = ""] = (await sessionCookieHeader(rawId, userId)).split(";");
  const eq = pair.indexOf("=");
  return { name: pair.slice(0, eq), value: pair.slice(eq + 1) };
}

export async function signedInClient(label: string): Promise<{ client: FormClient; user: User }> {
  const user = await createStudent(label);
  const client = new FormClient();
  const cookie = await sessionCookieFor(user);
  client.setCookie(cookie.name, cookie.value);
  return { client, user };
}

/** A verified admin, counted in the admins' set as the seeded demo admin is. */
export async function createAdmin(label: string): Promise<User> {
  const user = await createStudent(label);
  await addAdmin(user.userId);
  return setRole(user.userId, "admin");
}
