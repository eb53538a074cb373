import { json } from "@remix-run/node";
import { MAX_FORM_BYTES } from "./request-guard.server";
import { verifyCsrf } from "./csrf.server";

export type FormRead = { form: FormData; problem: string | null };

export const CSRF_PROBLEM =
  "Your form expired or was sent from another page, so nothing was saved. Check it and send it again.";

const FORM_TYPES = ["application/x-www-form-urlencoded", "multipart/form-data"];

/**
 * A browser form is sent url-encoded or multipart, nothing else; any other body (JSON, plain
 * text, none) is refused with 415 before it is parsed, rather than failing inside the parser.
 * `multipart` says which of the two it is.
 */
export function formEncoding(request: Request): { multipart: boolean } {
  const type = (request.headers.get("Content-Type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (!FORM_TYPES.includes(type)) {
    throw json(
      {
        message:
          "This page accepts only forms sent from its own pages, so nothing was saved. Go back and send the form again.",
      },
      { status: 415 },
    );
  }
  return { multipart: type === "multipart/form-data" };
}

/** A body that claims to be a form but cannot be read (a multipart body with no boundary). */
export function unreadableForm(): Response {
  return json(
    { message: "Your form arrived damaged, so nothing was saved. Go back and send it again." },
    { status: 400 },
  );
}

// Every browser form goes through here. The size is checked again because a chunked body has
// no Content-Length for the Lambda guard to see. A bad CSRF token does not throw: the route
// re-renders the form with what the student typed (and a fresh token) instead of losing it.
export async function readForm(request: Request): Promise<FormRead> {
  const length = Number(request.headers.get("Content-Length") ?? "0");
  if (length > MAX_FORM_BYTES) {
    throw json({ message: "This form is too large to send." }, { status: 413 });
  }
  formEncoding(request);
  const form = await request.formData().catch(() => {
    throw unreadableForm();
  });
  try {
    await verifyCsrf(request, form);
    return { form, problem: null };
  } catch {
    return { form, problem: CSRF_PROBLEM };
  }
}

export function formValues<F extends string>(
  form: FormData,
  fields: readonly F[],
): Record<F, string> {
  const values = {} as Record<F, string>;
  for (const field of fields) {
    const value = form.get(field);
    values[field] = typeof value === "string" ? value : "";
  }
  return values;
}
