/** What an action returns when it re-renders its form: the input as typed, and what is wrong. */
export interface FormState<F extends string> {
  values: Record<F, string>;
  formError: string | null;
  fieldErrors: Partial<Record<F, string>>;
}

/**
 * The input to send back into a re-rendered form, with passwords blanked: a password in the
 * HTML (or in Remix's serialised action data) lands in caches, history and screenshots.
 */
export function withoutSecrets<F extends string>(
  values: Record<F, string>,
  secrets: readonly NoInfer<F>[],
): Record<F, string> {
  const kept = { ...values };
  for (const field of secrets) kept[field] = "";
  return kept;
}
