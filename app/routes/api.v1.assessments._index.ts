import { listQuery, startBody } from "~/api-contract/requests.server";
import {
  openObjectiveDraft,
  openSpeakingDraft,
  openWritingDraft,
  detailOf,
  listAssessmentPage,
} from "~/models/student-work.server";
import { apiRoute, problem, readJson, validated } from "~/api.server";
import { requireApiClient } from "~/permissions.server";

const route = apiRoute({
  // Newest first; `nextCursor` is null on the last page.
  GET: async ({ request }) => {
    const { user } = await requireApiClient(request);
    const query = validated(
      request,
      listQuery,
      Object.fromEntries(new URL(request.url).searchParams),
    );
    const page = await listAssessmentPage({ userId: user.userId, ...query });
    if (!page.ok) {
      throw problem(request, "validation", "Check the fields listed.", {
        fieldErrors: { cursor: "Pass the cursor exactly as the previous page gave it." },
      });
    }
    return { data: { items: page.items, nextCursor: page.nextCursor } };
  },
  // Starts (or resumes) a task as the web pages' Start buttons do: the server's clock counts.
  POST: async ({ request }) => {
    const { user } = await requireApiClient(request);
    const input = validated(request, startBody, await readJson(request));
    const { userId } = user;
    const { assessment } =
      input.skill === "writing"
        ? await openWritingDraft({ userId, module: input.module, task: input.task })
        : input.skill === "speaking"
          ? await openSpeakingDraft(userId, input.module)
          : await openObjectiveDraft({ userId, ...input });
    return { status: 201, data: detailOf(assessment) };
  },
});

export const loader = route.loader;
export const action = route.action;
