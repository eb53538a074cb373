// Reading a stored item into a domain type field by field: an attribute this version does not
// know (left by an older or newer deploy) is dropped, never passed on as if it were typed.

type Item = Record<string, unknown>;

/** The attributes named by `keys`, read as strings: the fields every item of its kind has. */
export function strings<K extends string>(item: Item, keys: readonly K[]): Record<K, string> {
  return Object.fromEntries(keys.map((key) => [key, String(item[key])])) as Record<K, string>;
}

/** The string attributes named by `keys` that the item has: absent ones stay absent, not undefined. */
export function optionalStrings<K extends string>(
  item: Item,
  keys: readonly K[],
): Partial<Record<K, string>> {
  const found: Partial<Record<K, string>> = {};
  for (const key of keys) {
    const value = item[key];
    if (typeof value === "string") found[key] = value;
  }
  return found;
}

/** `value` when it is one of `known`; otherwise `fallback`, the reading that does least harm. */
export function oneOf<T extends string>(value: unknown, known: readonly T[], fallback: T): T {
  return known.find((candidate) => candidate === value) ?? fallback;
}
