import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { readForm } from "~/security/form.server";
import { endSession } from "~/session.server";

export async function action({ request }: ActionFunctionArgs) {
  const { problem } = await readForm(request);
  if (problem) return redirect("/dashboard");
  return endSession(request, "/");
}

export function loader() {
  return redirect("/");
}
