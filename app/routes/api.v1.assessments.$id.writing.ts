import { writingDraftBody, writingSubmitBody } from "~/api-contract/requests.server";
import {
  detailOf,
  farUnderMinimum,
  MIN_WORDS,
  ownWritingTask,
  publishEvent,
  saveWritingDraft,
  scoringOptions,
  submitWriting,
  writingTaskView,
} from "~/models/student-work.server";
import { apiRoute, problem, readJson, validated } from "~/api.server";
import { ownedFinder } from "~/api-own.server";
import { requireApiClient } from "~/permissions.server";

const ownTask = ownedFinder(ownWritingTask, "There is no such Writing task.");

function openDraft(request: Request, task: Awaited<ReturnType<typeof ownTask>>) {
  if (task.assessment.status !== "draft") {
    throw problem(request, "conflict", "This answer was already handed in.");
  }
  return task.assessment;
}

const route = apiRoute({
  GET: async ({ request, params }) => {
    const client = await requireApiClient(request);
    return { data: writingTaskView(await ownTask(request, client, params.id)) };
  },
  // Saving never loses text: any length up to the limit, even empty, is kept as the draft.
  PUT: async ({ request, params }) => {
    const client = await requireApiClient(request);
    const task = await ownTask(request, client, params.id);
    const { response } = validated(request, writingDraftBody, await readJson(request));
    const draft = openDraft(request, task);
    if (!(await saveWritingDraft(draft, client.user.userId, response))) {
      throw problem(request, "conflict", "This answer was already handed in.");
    }
    const submission = { ...draft.submission, response };
    return {
      data: writingTaskView({ assessment: { ...draft, submission }, question: task.question }),
    };
  },
  POST: async ({ request, params }) => {
    const client = await requireApiClient(request);
    const task = await ownTask(request, client, params.id);
    const body = validated(request, writingSubmitBody, await readJson(request));
    const draft = openDraft(request, task);
    const words = body.confirmShort ? null : farUnderMinimum(task.question.task, body.response);
    if (words !== null) {
      // Kept as the draft, as the web page does before it asks.
      await saveWritingDraft(draft, client.user.userId, body.response);
      throw problem(request, "validation", "Check the fields listed.", {
        fieldErrors: {
          response: `This answer has ${words} words, under half the ${MIN_WORDS[task.question.task]} asked for, so its band would be very low. Send confirmShort: true to submit it anyway.`,
        },
      });
    }
    const outcome = await submitWriting(draft, body.response, {
      publish: publishEvent,
      scoring: scoringOptions(body.scoring),
    });
    if (outcome.kind === "no-credit") {
      throw problem(
        request,
        "no-credit",
        "Your answer is saved as the draft. Submit it with scoring: offline, or buy more.",
      );
    }
    if (outcome.kind === "closed") {
      throw problem(request, "conflict", "This answer was already handed in.");
    }
    return { status: 202, data: detailOf(outcome.assessment) };
  },
});

export const loader = route.loader;
export const action = route.action;
