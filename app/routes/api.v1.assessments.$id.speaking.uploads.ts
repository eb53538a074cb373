import { uploadBody } from "~/api-contract/requests.server";
import {
  findSpeakingDraft,
  getAudioStore,
  requestRecordingUpload,
  tooLargeMessage,
} from "~/models/student-work.server";
import { apiRoute, problem, readJson, validated } from "~/api.server";
import { requireApiClient } from "~/permissions.server";

const route = apiRoute({
  // The recording goes to the URL given, never through this API (a Lambda takes at most 6 MB).
  POST: async ({ request, params }) => {
    const client = await requireApiClient(request);
    const input = validated(request, uploadBody, await readJson(request));
    const { draft, assessment } = await findSpeakingDraft(params.id ?? "", client.user.userId);
    if (!assessment) throw problem(request, "not-found", "There is no such Speaking test.");
    if (!draft) throw problem(request, "conflict", "This test was already handed in.");
    const ticket = await requestRecordingUpload(draft, input, getAudioStore());
    if (!ticket.ok) {
      throw problem(request, "too-large", "Check the fields listed.", {
        fieldErrors: { bytes: tooLargeMessage(ticket.maxBytes) },
      });
    }
    return { status: 201, data: { key: ticket.key, upload: ticket.upload } };
  },
});

export const loader = route.loader;
export const action = route.action;
