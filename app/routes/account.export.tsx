import type { ActionFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { exportAccount, getAudioStore } from "~/models/privacy.server";
import { requireUser } from "~/permissions.server";
import { readForm } from "~/security/form.server";

// A POST with the form's token, not a link: the archive holds everything about the student.
export function loader() {
  return redirect("/account");
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const { problem } = await readForm(request);
  if (problem) return json({ message: problem }, 403);
  const result = await exportAccount({ userId: user.userId }, { store: getAudioStore() });
  if (!result.ok) return redirect("/login");
  return new Response(result.archive, {
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": `attachment; filename="${result.filename}"`,
    },
  });
}
