import * as z from "zod";
import { questionSchema, type Question } from "../content/schema";
import {
  getQuestionRow,
  listQuestionRows,
  saveEditedQuestion,
  setQuestionRetired,
  type QuestionRow,
} from "../data/questions";
import { assertAdmin, audit, type Actor, type Refusal } from "./actor";

const questionTarget = (id: string) => `question#${id}`;

export async function listQuestionBank(actor: Actor): Promise<QuestionRow[]> {
  assertAdmin(actor);
  const [writing, speaking] = await Promise.all([
    listQuestionRows("writing"),
    listQuestionRows("speaking"),
  ]);
  return [...writing, ...speaking].sort((a, b) => a.questionId.localeCompare(b.questionId));
}

export async function viewQuestion(actor: Actor, questionId: string): Promise<QuestionRow | null> {
  assertAdmin(actor);
  return getQuestionRow(questionId);
}

export const questionIdSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
  .max(100);

export const editQuestionSchema = z.object({
  questionId: questionIdSchema,
  json: z.string().min(2, "Paste the question as JSON.").max(100_000, "That is too long."),
});

/**
 * The edit as typed, checked against the content schema the bank itself is loaded with; a
 * question keeps its id and skill, because students' assessments point at the id.
 */
function parseQuestionEdit(
  input: z.infer<typeof editQuestionSchema>,
  current: Question,
): { ok: true; question: Question } | Refusal {
  let raw: unknown;
  try {
    raw = JSON.parse(input.json);
  } catch {
    return { ok: false, message: "That is not valid JSON: check the brackets and quotes." };
  }
  const parsed = questionSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` (at ${issue.path.join(".")})` : "";
    return { ok: false, message: `${issue?.message ?? "Not a valid question."}${where}` };
  }
  if (parsed.data.id !== current.id || parsed.data.skill !== current.skill) {
    return { ok: false, message: "A question keeps its id and skill: assessments point at them." };
  }
  return { ok: true, question: parsed.data };
}

/** The edit checked against the stored question, which it would replace. */
async function checkEdit(
  actor: Actor,
  input: z.infer<typeof editQuestionSchema>,
): Promise<{ ok: true; question: Question; before: Question } | Refusal> {
  assertAdmin(actor);
  const row = await getQuestionRow(input.questionId);
  if (!row) return { ok: false, message: "There is no such question." };
  const checked = parseQuestionEdit(input, row.item);
  return checked.ok ? { ...checked, before: row.item } : checked;
}

/** Checks an edit without saving it, for the preview. */
export async function previewQuestion(
  actor: Actor,
  input: z.infer<typeof editQuestionSchema>,
): Promise<{ ok: true; question: Question } | Refusal> {
  const checked = await checkEdit(actor, input);
  return checked.ok ? { ok: true, question: checked.question } : checked;
}

export async function editQuestion(
  actor: Actor,
  input: z.infer<typeof editQuestionSchema>,
): Promise<{ ok: true; question: Question } | Refusal> {
  const checked = await checkEdit(actor, input);
  if (!checked.ok) return checked;
  const { question, before } = checked;
  await saveEditedQuestion(question);
  await audit(actor, "question.edit", questionTarget(input.questionId), {
    before,
    after: question,
  });
  return { ok: true, question };
}

/**
 * Never a delete: assessments keep pointing at their question. A retired question is only left
 * out when new work is handed out.
 */
export async function retireQuestion(
  actor: Actor,
  input: { questionId: string; retire: boolean },
): Promise<{ ok: true } | Refusal> {
  assertAdmin(actor);
  const row = await getQuestionRow(input.questionId);
  if (!row) return { ok: false, message: "There is no such question." };
  if (Boolean(row.retiredAt) === input.retire) {
    return { ok: false, message: input.retire ? "It is already retired." : "It is in use." };
  }
  const retiredAt = input.retire ? new Date().toISOString() : null;
  await setQuestionRetired(input.questionId, retiredAt);
  await audit(
    actor,
    input.retire ? "question.retire" : "question.restore",
    questionTarget(input.questionId),
    { before: { retiredAt: row.retiredAt ?? null }, after: { retiredAt } },
  );
  return { ok: true };
}
