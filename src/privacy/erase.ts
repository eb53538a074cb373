import * as z from "zod";
import { confirmPassword } from "../accounts/service";
import type { AudioStore } from "../data/audio-store";
import { audioUserPrefix } from "../data/keys";
import { deleteItem, replaceItem } from "../data/user-items";
import type { Actor } from "./consent";
import { findItems } from "./items";
import { personalTables, type Owner } from "./tables";

export const deleteAccountSchema = z.object({
  password: z
    .string({ error: "Enter your password to delete your account." })
    .min(1, "Enter your password to delete your account.")
    .max(1024, "That password is too long."),
});

export type DeleteAccountResult =
  | { ok: true; deleted: number; anonymised: number; recordings: number }
  | { ok: false; reason: "wrong-password" }
  | { ok: false; reason: "throttled"; retryAfterMinutes: number };

/**
 * Erases the account after the password is typed again: every item of every table in the
 * registry is deleted (or, where the law requires a record, anonymised), and every recording.
 * Sessions and tokens go first, so nothing can sign in half-way; the user item goes last, so
 * an erasure stopped half-way can be run again by signing in.
 */
export async function deleteAccount(
  actor: Actor,
  input: z.infer<typeof deleteAccountSchema> & { now?: Date },
  deps: { store: AudioStore },
): Promise<DeleteAccountResult> {
  const confirmed = await confirmPassword(actor.userId, input.password, input.now);
  if (!confirmed.ok) return confirmed;
  const owner: Owner = { userId: confirmed.user.userId, email: confirmed.user.email };
  const tables = personalTables();
  const ordered = [
    ...tables.filter(([name]) => name !== "users"),
    ...tables.filter(([name]) => name === "users"),
  ];
  let deleted = 0;
  let anonymised = 0;
  let recordings = 0;
  for (const [name, policy] of ordered) {
    if (name === "users") {
      // Recordings before the account: the user item is the last thing to go.
      for (const key of await deps.store.list(audioUserPrefix(owner.userId))) {
        await deps.store.remove(key);
        recordings++;
      }
    }
    for (const item of await findItems(name, policy, owner)) {
      const { erase } = policy;
      if (erase.action === "anonymise") {
        await replaceItem(name, item, erase.anonymise(item), policy.key);
        anonymised++;
      } else {
        await deleteItem(name, item, policy.key);
        deleted++;
      }
    }
  }
  return { ok: true, deleted, anonymised, recordings };
}
