import {
  ownedBy,
  type Assessment,
  type WritingAssessment,
  type WritingSubmission,
} from "../domain/assessment";
import * as z from "zod";
import type { ChartFacts } from "../scoring/writing";
import { matchesFilter, pickNext } from "../content/bank";
import { describeVisual } from "../content/describe";
import { chartFacts } from "../content/facts";
import type { WritingQuestion } from "../content/schema";
import {
  createAssessment,
  getAssessment,
  listUserAssessments,
  saveDraft,
} from "../data/assessments";
import { submitDraft } from "../data/assessment-transitions";
import type { Publish } from "../data/events";
import { getQuestionItem, listQuestionItems } from "../data/questions";
import { countWords } from "../scoring/language/text";
import { chargeAndSubmit, type ScoringOptions, type SubmitOutcome } from "./charge";

export type WritingTask = 1 | 2;
type Module = "academic" | "general";

export const TASK_MINUTES: Record<WritingTask, number> = { 1: 20, 2: 40 };
export const MIN_WORDS: Record<WritingTask, number> = { 1: 150, 2: 250 };

/**
 * The text a scorer reads as "the prompt". An Academic Task 1 chart is a picture to the
 * student; scorers get its data as words so they can judge what the answer reports.
 */
function scoringPrompt(question: WritingQuestion): string {
  if (question.task === 1 && question.module === "academic") {
    return `${question.prompt}\n\nData shown: ${describeVisual(question.visual)}`;
  }
  return question.prompt;
}

function factsOf(question: WritingQuestion): { facts?: ChartFacts } {
  if (question.task !== 1 || question.module !== "academic") return {};
  const facts = chartFacts(question.visual);
  return facts ? { facts } : {};
}

/** A task of a module, on its own or as a step of the mock test `mockId`. */
interface TaskSlot {
  userId: string;
  task: WritingTask;
  module: Module;
  mockId?: string;
}

function isOpenDraft(a: Assessment, slot: TaskSlot): a is WritingAssessment {
  return (
    a.status === "draft" &&
    a.skill === "writing" &&
    a.submission.task === slot.task &&
    a.module === slot.module &&
    a.mockId === slot.mockId
  );
}

function asWritingQuestion(question: unknown): WritingQuestion | null {
  const q = question as WritingQuestion | null;
  return q && q.skill === "writing" ? q : null;
}

async function openDraftIn(history: readonly Assessment[], slot: TaskSlot) {
  const open = history.find((a) => isOpenDraft(a, slot));
  const question = open?.questionId
    ? asWritingQuestion(await getQuestionItem(open.questionId))
    : null;
  return open && question ? { assessment: open, question } : null;
}

/** The student's own Writing assessment, in any state, with its question; null for anyone else. */
export async function ownWritingTask(assessmentId: string, userId: string) {
  const assessment = ownedBy(await getAssessment(assessmentId), userId);
  if (assessment?.skill !== "writing" || !assessment.questionId) return null;
  const question = asWritingQuestion(await getQuestionItem(assessment.questionId));
  return question ? { assessment, question } : null;
}

/** What the app shows for a task: the question (a chart as words), the clock and the answer. */
export interface WritingTaskView {
  assessmentId: string;
  status: Assessment["status"];
  module: Module;
  task: WritingTask;
  prompt: string;
  /** Academic Task 1: the chart or diagram described in words; null otherwise. */
  visual: string | null;
  minWords: number;
  timeLimitMinutes: number;
  deadlineAt: string | null;
  response: string;
}

export function writingTaskView({
  assessment,
  question,
}: {
  assessment: Assessment;
  question: WritingQuestion;
}): WritingTaskView {
  const submission = assessment.submission.kind === "writing" ? assessment.submission : null;
  const task = question.task;
  return {
    assessmentId: assessment.assessmentId,
    status: assessment.status,
    module: assessment.module,
    task,
    prompt: question.prompt,
    visual:
      question.task === 1 && question.module === "academic"
        ? describeVisual(question.visual)
        : null,
    minWords: MIN_WORDS[task],
    timeLimitMinutes: TASK_MINUTES[task],
    deadlineAt: assessment.deadlineAt ?? null,
    response: submission?.response ?? "",
  };
}

/** The draft in progress for this task, or null; writes nothing, so a page view starts no clock. */
export async function findWritingDraft(slot: TaskSlot) {
  return openDraftIn(await listUserAssessments(slot.userId), slot);
}

/**
 * The student pressed Start: restores the draft in progress; otherwise a question the student
 * has not had yet starts a new timed draft (the server's clock is the one that counts).
 */
export async function openWritingDraft(
  input: TaskSlot & { now?: Date },
): Promise<{ assessment: Assessment; question: WritingQuestion }> {
  const history = await listUserAssessments(input.userId);
  const open = await openDraftIn(history, input);
  if (open) return open;

  const candidates = (await listQuestionItems("writing"))
    .map(asWritingQuestion)
    .filter((q): q is WritingQuestion => q !== null)
    .filter((q) => matchesFilter(q, { skill: "writing", task: input.task, module: input.module }));
  const seen = history
    .slice()
    .reverse()
    .map((a) => a.questionId)
    .filter((id): id is string => id !== undefined);
  const question = pickNext(candidates, seen);
  if (!question) throw new Error(`No writing questions for task ${input.task} (${input.module}).`);
  const assessment = await createAssessment({
    userId: input.userId,
    skill: "writing",
    status: "draft",
    questionId: question.id,
    timeLimitMinutes: TASK_MINUTES[input.task],
    mockId: input.mockId,
    submission: {
      kind: "writing",
      task: input.task,
      module: input.module,
      prompt: scoringPrompt(question),
      response: "",
      ...factsOf(question),
    },
    now: input.now,
  });
  return { assessment, question };
}

function withResponse(draft: Assessment, response: string): WritingSubmission {
  if (draft.submission.kind !== "writing") throw new Error("Not a writing assessment.");
  return { ...draft.submission, response };
}

export function saveWritingDraft(draft: Assessment, userId: string, response: string) {
  return saveDraft(draft.assessmentId, userId, withResponse(draft, response));
}

/**
 * The word count of an answer under half the task's minimum, or null. Such an answer is far
 * too short to be scored fairly (it would get band 1 and drag the averages down), so the page
 * asks whether it was meant before submitting it.
 */
export function farUnderMinimum(task: WritingTask, response: string): number | null {
  const words = countWords(response);
  return words < MIN_WORDS[task] / 2 ? words : null;
}

/**
 * Stores the final text as `queued` first, then asks for scoring: nothing is lost if that fails.
 * Without a credit for cloud scoring the text is kept as the draft and the student is asked.
 */
export async function submitWriting(
  draft: Assessment,
  response: string,
  deps: { publish: Publish; scoring: ScoringOptions },
  now = new Date(),
): Promise<SubmitOutcome> {
  const submission = withResponse(draft, response);
  const outcome = await chargeAndSubmit(
    draft,
    deps.scoring,
    (billing) => submitDraft(draft, submission, now, billing),
    deps.publish,
    now,
  );
  if (outcome.kind === "no-credit")
    await saveDraft(draft.assessmentId, draft.userId, submission, now);
  return outcome;
}

export const writingQuerySchema = z.object({
  module: z.enum(["academic", "general"]).catch("academic"),
  task: z.coerce
    .number()
    .pipe(z.union([z.literal(1), z.literal(2)]))
    .catch(2),
});

/**
 * A Task 2 essay is 250-400 words, about 2,500 characters: this is eight times that, and keeps
 * the whole item (essay, feedback, highlights) well under DynamoDB's 400 KB.
 */
export const MAX_ESSAY_CHARS = 20_000;

export const ESSAY_TOO_LONG = `Your answer is over ${MAX_ESSAY_CHARS.toLocaleString("en-GB")} characters, so it was not saved. It is still here: shorten it and save again.`;

/** A hand-in the database would not take (throttled or unreachable past the retries). */
export const HAND_IN_FAILED =
  "Your answer could not be handed in just now, because of a fault on our side. It is still here, as you wrote it: press Submit for scoring again in a moment.";

/** A draft may be anything up to the size limit, even empty: saving must never lose text. */
export const draftResponseSchema = z.string().max(MAX_ESSAY_CHARS, ESSAY_TOO_LONG);

export const submitResponseSchema = draftResponseSchema.refine((text) => text.trim().length > 0, {
  error: "Write your answer before you submit it.",
});
