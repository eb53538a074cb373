import { answersBody } from "~/api-contract/requests.server";
import {
  ownObjective,
  submitObjective,
  paperView,
  detailOf,
  questionsOf,
  publishEvent,
} from "~/models/student-work.server";
import { apiRoute, problem, readJson, validated } from "~/api.server";
import { ownedFinder } from "~/api-own.server";
import { requireApiClient } from "~/permissions.server";

const ownPaper = ownedFinder(ownObjective, "There is no such Reading or Listening paper.");

const route = apiRoute({
  // The paper as the candidate sees it: passages, audio and questions, never the key.
  GET: async ({ request, params }) => {
    const client = await requireApiClient(request);
    const { assessment, test } = await ownPaper(request, client, params.id);
    return {
      data: {
        assessmentId: assessment.assessmentId,
        title: test.title,
        status: assessment.status,
        deadlineAt: assessment.deadlineAt ?? null,
        answers: assessment.answers ?? {},
        blocks: paperView(test),
      },
    };
  },
  // Hands the paper in and marks it at once; a late paper is marked and flagged, not refused.
  POST: async ({ request, params }) => {
    const client = await requireApiClient(request);
    const { assessment, test } = await ownPaper(request, client, params.id);
    const body = answersBody(new Set(questionsOf(test).map((q) => q.id)));
    const { answers } = validated(request, body, await readJson(request));
    if (assessment.status !== "draft") {
      throw problem(request, "conflict", "This paper was already handed in.");
    }
    const marked = await submitObjective(assessment, test, answers, publishEvent);
    if (!marked) throw problem(request, "conflict", "This paper was already handed in.");
    return { data: detailOf(marked) };
  },
});

export const loader = route.loader;
export const action = route.action;
