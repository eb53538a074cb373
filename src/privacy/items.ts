import { getItemsByKey, queryItems } from "../data/user-items";
import type { Owner, PersonalTable, PrivacyTable } from "./tables";

/** A user's items in one table, found the way the registry says. */
export function findItems(
  name: PrivacyTable,
  policy: PersonalTable,
  owner: Owner,
): Promise<Record<string, unknown>[]> {
  const { locate } = policy;
  switch (locate.by) {
    case "key": {
      // In the order the registry lists the keys, which erasure follows (see users).
      const attribute = policy.key[0]!;
      const keys = locate.keys(owner);
      const position = (item: Record<string, unknown>) => keys.indexOf(String(item[attribute]));
      return getItemsByKey(name, attribute, keys).then((items) =>
        items.sort((a, b) => position(a) - position(b)),
      );
    }
    case "index":
      return queryItems(name, "userId", owner.userId, "byUser");
    case "partition":
      return queryItems(name, "userId", owner.userId);
    case "indexed":
      return queryItems(name, locate.attribute, locate.value(owner), locate.index);
  }
}
