import { json, type ActionFunctionArgs } from "@remix-run/node";
import type * as z from "zod";
import { requireRole } from "~/permissions.server";
import { formValues, readForm } from "~/security/form.server";

/** What an admin form's action answers when it cannot act: the input as typed, and why. */
export interface AdminFormReply {
  values: Record<string, string>;
  formError: string | null;
  done: string | null;
}

/**
 * The one way into an admin action: the role (checked on the server for every post, not only
 * when the page was shown), the CSRF token as every form has it, then the zod schema. A refusal
 * comes back as a reply with the input kept, never as a 500.
 */
export async function adminForm<S extends z.ZodType>(
  request: Request,
  fields: readonly string[],
  schema: (intent: string) => S,
) {
  const actor = await requireRole(request, "admin");
  const { form, problem } = await readForm(request);
  const values = formValues(form, ["intent", ...fields]);
  const fail = (status: number, formError: string) =>
    json<AdminFormReply>({ values, formError, done: null }, status);
  if (problem) return { refused: fail(403, problem) } as const;
  const parsed = schema(values.intent ?? "").safeParse(values);
  if (!parsed.success) {
    return { refused: fail(400, parsed.error.issues[0]?.message ?? "Check the form.") } as const;
  }
  return {
    actor,
    intent: values.intent ?? "",
    data: parsed.data as z.infer<S>,
    values,
    fail,
  } as const;
}

/** The reply after an action took effect. */
export const doneReply = (done: string) =>
  json<AdminFormReply>({ values: {}, formError: null, done });

type Actor = Awaited<ReturnType<typeof requireRole>>;

/** The action of an admin page that makes one kind of change: read as adminForm reads, then said. */
export function adminChange<S extends z.ZodType>(
  fields: readonly string[],
  schema: S,
  change: (
    actor: Actor,
    data: z.infer<S>,
  ) => Promise<{ ok: true } | { ok: false; message: string }>,
  done: (data: z.infer<S>) => string,
) {
  return async ({ request }: ActionFunctionArgs) => {
    const read = await adminForm(request, fields, () => schema);
    if ("refused" in read) return read.refused;
    const result = await change(read.actor, read.data);
    if (!result.ok) return read.fail(409, result.message);
    return doneReply(done(read.data));
  };
}
