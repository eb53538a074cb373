/** What an action returns when it re-renders its form: the input as typed, and what is wrong. */
export interface FormState<F extends string> {
  values: Record<F, string>;
  formError: string | null;
  fieldErrors: Partial<Record<F, string>>;
}
