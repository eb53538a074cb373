import type { LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { findUsers, findUserSchema } from "~/models/admin.server";
import { requireRole } from "~/permissions.server";
import { pageTitle } from "~/route-head";
import { AdminSearch } from "~/components/admin/AdminSearch";

export const meta = pageTitle("Users · Admin");

type Found = { userId: string; email: string; role: string; createdAt: string };

// A search is a GET: it changes nothing, and the address can be shared between admins.
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireRole(request, "admin");
  const email = new URL(request.url).searchParams.get("email");
  const none: Found[] = [];
  if (email === null) return json({ email: "", message: null, matches: none });
  const parsed = findUserSchema.safeParse({ email });
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? "Check the address.";
    return json({ email, message, matches: none }, 400);
  }
  const { exact, matches } = await findUsers(actor, parsed.data);
  if (exact) throw redirect(`/admin/users/${exact.userId}`);
  if (matches.length === 0) {
    return json({
      email,
      message: `No account's address is or starts with ${parsed.data.email}.`,
      matches: none,
    });
  }
  const found: Found[] = matches.map(({ userId, email, role, createdAt }) => ({
    userId,
    email,
    role,
    createdAt,
  }));
  return json({ email, message: null, matches: found });
}

export default function AdminUsers() {
  const { email, message, matches } = useLoaderData<typeof loader>();
  return (
    <AdminSearch
      heading="Users"
      field="email"
      label="Email address, or its first characters"
      type="search"
      value={email}
      message={message}
    >
      {matches.length ? (
        <>
          <h2>
            {matches.length === 20 ? "The first 20 addresses" : "Addresses"} starting with {email}
          </h2>
          <ul>
            {matches.map((u) => (
              <li key={u.userId}>
                <Link to={`/admin/users/${u.userId}`}>{u.email}</Link>
                {u.role === "admin" ? " (admin)" : ""}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </AdminSearch>
  );
}
