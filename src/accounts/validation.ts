import * as z from "zod";
import { checkPassword } from "./password-policy";

const EMAIL_MAX_LENGTH = 254;

export const emailSchema = z
  .string({ error: "Enter your email address." })
  .trim()
  .toLowerCase()
  .min(1, "Enter your email address.")
  .max(EMAIL_MAX_LENGTH, `An email address has at most ${EMAIL_MAX_LENGTH} characters.`)
  .pipe(z.email({ error: "Enter a valid email address, like name@example.com." }));

/** For a new password; the email-aware rule is added by the schemas that know the email. */
const passwordSchema = z.string({ error: "Enter a password." }).superRefine((password, ctx) => {
  const check = checkPassword(password);
  if (!check.ok) ctx.addIssue({ code: "custom", message: check.message });
});

function refuseEmailAsPassword(value: { email: string; password: string }, ctx: z.RefinementCtx) {
  const check = checkPassword(value.password, { email: value.email });
  if (!check.ok) ctx.addIssue({ code: "custom", message: check.message, path: ["password"] });
}

export const joinSchema = z
  .object({ email: emailSchema, password: passwordSchema })
  .superRefine(refuseEmailAsPassword);

/**
 * No strength rules at login: older passwords may predate them, and the answer to a wrong
 * password must not depend on what the password looks like.
 */
export const loginSchema = z.object({
  email: emailSchema,
  password: z
    .string({ error: "Enter your password." })
    .min(1, "Enter your password.")
    .max(1024, "That password is too long."),
  redirectTo: z.string().max(2048).optional(),
});

export const forgotPasswordSchema = z.object({ email: emailSchema });

const tokenSchema = z
  .string({ error: "This link is incomplete. Open the link from the email again." })
  .min(1, "This link is incomplete. Open the link from the email again.");

export const resetSchema = z.object({ token: tokenSchema, password: passwordSchema });

export const changePasswordSchema = z.object({
  current: z
    .string({ error: "Enter your current password." })
    .min(1, "Enter your current password."),
  next: passwordSchema,
});

export type FieldErrors<T> = Partial<Record<keyof T & string, string>>;

export type Validation<T> = { ok: true; data: T } | { ok: false; fieldErrors: FieldErrors<T> };

/**
 * One message per field, the first found: a form shows one clear instruction per field.
 * FormData entries that are files fail the string schemas like any other wrong input.
 */
export function validate<S extends z.ZodType<Record<string, unknown>>>(
  schema: S,
  input: FormData | Record<string, unknown>,
): Validation<z.infer<S>> {
  const values = input instanceof FormData ? Object.fromEntries(input) : input;
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, data: result.data };
  const fieldErrors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const field = issue.path[0];
    if (typeof field === "string" && !(field in fieldErrors)) fieldErrors[field] = issue.message;
  }
  return { ok: false, fieldErrors: fieldErrors as FieldErrors<z.infer<S>> };
}
