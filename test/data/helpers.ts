import { randomUUID } from "node:crypto";
import { createUser, type User } from "../../src/data/users";

export const uniqueEmail = (label = "user") => `${label}-${randomUUID()}@example.com`;

export async function makeUser(email = uniqueEmail()): Promise<User> {
  const created = await createUser({ email, passwordHash: "not-a-real-hash" });
  if (!created.ok) throw new Error(`could not create ${email}`);
  return created.user;
}

export const minutesFrom = (start: Date, minutes: number) =>
  new Date(start.getTime() + minutes * 60_000);
