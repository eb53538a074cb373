import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { FormMessage } from "~/components/field";
import { findUserByEmail, findUserSchema } from "~/models/admin.server";
import { requireRole } from "~/permissions.server";

export const meta: MetaFunction = () => [{ title: "Users · Admin · IELTS AI Prep" }];

// A search is a GET: it changes nothing, and the address can be shared between admins.
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireRole(request, "admin");
  const email = new URL(request.url).searchParams.get("email");
  if (email === null) return json({ email: "", message: null });
  const parsed = findUserSchema.safeParse({ email });
  if (!parsed.success) {
    return json({ email, message: parsed.error.issues[0]?.message ?? "Check the address." }, 400);
  }
  const user = await findUserByEmail(actor, parsed.data);
  if (user) throw redirect(`/admin/users/${user.userId}`);
  return json({ email, message: `No account has the address ${parsed.data.email}.` });
}

export default function AdminUsers() {
  const { email, message } = useLoaderData<typeof loader>();
  return (
    <section>
      <h1>Users</h1>
      <Form method="get" className="form">
        <div className="field">
          <label htmlFor="user-email">Email address (the whole address)</label>
          <input id="user-email" name="email" type="email" defaultValue={email} required />
        </div>
        <FormMessage tone="error" message={message} />
        <button type="submit">Find</button>
      </Form>
    </section>
  );
}
