import { detailOf, ownAssessment } from "~/models/student-work.server";
import { apiRoute, problem } from "~/api.server";
import { requireApiClient } from "~/permissions.server";

const route = apiRoute({
  GET: async ({ request, params }) => {
    const { user } = await requireApiClient(request);
    const assessment = await ownAssessment({ userId: user.userId, assessmentId: params.id ?? "" });
    // Another student's id answers exactly like one that does not exist.
    if (!assessment) throw problem(request, "not-found", "There is no such assessment.");
    return { data: detailOf(assessment) };
  },
});

export const loader = route.loader;
export const action = route.action;
