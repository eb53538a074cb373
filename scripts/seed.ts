import { hashPassword } from "../src/accounts/passwords";
import { questionBank } from "../src/content/bank";
import { seedQuestions } from "../src/data/questions";
import { addAdmin, createUser, getUserByEmail, markEmailVerified } from "../src/data/users";

export const DEMO_ACCOUNTS = [
  { email: "student@example.com", password: "practise-daily-2026", role: "student" },
  { email: "admin@example.com", password: "marking-desk-2026", role: "admin" },
] as const;

// Idempotent, so that restarting `npm start` over a persisted database is harmless.
export async function seedDemoData(): Promise<void> {
  await seedQuestions(questionBank());
  for (const account of DEMO_ACCOUNTS) {
    const existing = await getUserByEmail(account.email);
    const created = existing
      ? null
      : await createUser({
          email: account.email,
          passwordHash: await hashPassword(account.password),
          role: account.role,
        });
    if (created?.ok) await markEmailVerified(created.user.userId);
    const user = existing ?? (created?.ok ? created.user : null);
    // The admins' set is what "never the last admin" counts; adding is idempotent.
    if (user?.role === "admin") await addAdmin(user.userId);
  }
}
