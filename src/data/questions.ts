import { questionSchema, type Question } from "../content/schema";
import { getItem, updateItem } from "./commands";
import { putIf } from "./conditional";
import { optionalStrings } from "./fields";
import { queryAll } from "./paginate";

/** A question as the admin's bank sees it: the item and what admins have done to it. */
export interface QuestionRow {
  questionId: string;
  skill: string;
  item: Question;
  /** ISO 8601: set by an admin's edit; seeding then leaves the row alone. */
  editedAt?: string;
  /** ISO 8601: retired questions are never picked for new work, but stay for old work. */
  retiredAt?: string;
}

/**
 * Idempotent: a bank item overwrites its row, so a restart or deploy refreshes content, unless
 * an admin has edited or retired that row (the condition): then the admin's version stands.
 */
export async function seedQuestions(items: readonly Question[]): Promise<void> {
  await Promise.all(
    items.map((item) =>
      putIf("questions", {
        Item: { questionId: item.id, skill: item.skill, item },
        ConditionExpression: "attribute_not_exists(editedAt) AND attribute_not_exists(retiredAt)",
      }),
    ),
  );
}

/** An admin's edit, already validated: the row is marked so that seeding keeps it. */
export async function saveEditedQuestion(item: Question, now = new Date()): Promise<void> {
  await updateItem("questions", {
    Key: { questionId: item.id },
    UpdateExpression: "SET #item = :item, editedAt = :at",
    ConditionExpression: "attribute_exists(questionId) AND skill = :skill",
    ExpressionAttributeValues: { ":item": item, ":at": now.toISOString(), ":skill": item.skill },
  });
}

/** Retired (an ISO time) or back in use (null). */
export async function setQuestionRetired(questionId: string, retiredAt: string | null) {
  await updateItem("questions", {
    Key: { questionId },
    ConditionExpression: "attribute_exists(questionId)",
    ...(retiredAt === null
      ? { UpdateExpression: "REMOVE retiredAt" }
      : {
          UpdateExpression: "SET retiredAt = :at",
          ExpressionAttributeValues: { ":at": retiredAt },
        }),
  });
}

export async function getQuestionRow(questionId: string): Promise<QuestionRow | null> {
  return toRow(await getItem("questions", { questionId }));
}

/** Every row of one skill, retired ones included, for the admins' list. */
export async function listQuestionRows(skill: Question["skill"]): Promise<QuestionRow[]> {
  return queryAll("questions", { index: "bySkill", key: { skill } }, toRow);
}

function toRow(row: Record<string, unknown> | undefined): QuestionRow | null {
  const item = parseRow(row);
  if (!row || !item) return null;
  return {
    questionId: item.id,
    skill: item.skill,
    item,
    ...optionalStrings(row, ["editedAt", "retiredAt"]),
  };
}

// Rows are checked against the schema on the way out: a hand-edited row cannot break a page.
function parseRow(row: Record<string, unknown> | undefined): Question | null {
  const parsed = questionSchema.safeParse(row?.item);
  return parsed.success ? parsed.data : null;
}

export async function getQuestionItem(questionId: string): Promise<Question | null> {
  return parseRow(await getItem("questions", { questionId }, { consistent: false }));
}

/** The questions new work may be given: retired ones are left out. */
export async function listQuestionItems(skill: Question["skill"]): Promise<Question[]> {
  return (await listQuestionRows(skill)).filter((r) => !r.retiredAt).map((r) => r.item);
}
