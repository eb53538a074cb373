import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { downloadRecording, getAudioStore } from "~/models/privacy.server";
import { requireUser } from "~/permissions.server";

// A recording too large for the export's archive, downloaded on its own (the export links it).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const result = await downloadRecording(
    { userId: user.userId },
    { path: params["*"] ?? "" },
    { store: getAudioStore() },
  );
  if (!result.ok) throw json({ message: "We could not find that recording." }, { status: 404 });
  return new Response(new Uint8Array(result.bytes), {
    headers: {
      // Octet-stream: the HTTP Lambda sends it as binary whatever the recording's own type.
      "Content-Type": "application/octet-stream",
      "Content-Disposition": `attachment; filename="${result.filename}"`,
    },
  });
}
