import { BatchWriteCommand, GetCommand, type BatchWriteCommandOutput } from "@aws-sdk/lib-dynamodb";
import { questionSchema, type Question } from "../content/schema";
import { queryAll } from "./paginate";
import { getDb } from "./tables";

interface QuestionRow {
  questionId: string;
  skill: string;
  item: Question;
}

/** Idempotent: every bank item overwrites its row, so a restart or deploy refreshes content. */
export async function seedQuestions(items: readonly Question[]): Promise<void> {
  const { doc, table } = await getDb();
  for (let i = 0; i < items.length; i += 25) {
    const rows: QuestionRow[] = items
      .slice(i, i + 25)
      .map((item) => ({ questionId: item.id, skill: item.skill, item }));
    let pending: unknown[] | undefined = rows.map((Item) => ({ PutRequest: { Item } }));
    while (pending?.length) {
      const result: BatchWriteCommandOutput = await doc.send(
        new BatchWriteCommand({ RequestItems: { [table("questions")]: pending as never } }),
      );
      pending = result.UnprocessedItems?.[table("questions")];
    }
  }
}

// Rows are checked against the schema on the way out: a hand-edited row cannot break a page.
function parseRow(row: Record<string, unknown> | undefined): Question | null {
  const parsed = questionSchema.safeParse(row?.item);
  return parsed.success ? parsed.data : null;
}

export async function getQuestionItem(questionId: string): Promise<Question | null> {
  const { doc, table } = await getDb();
  const { Item } = await doc.send(
    new GetCommand({ TableName: table("questions"), Key: { questionId } }),
  );
  return parseRow(Item);
}

export async function listQuestionItems(skill: Question["skill"]): Promise<Question[]> {
  const { table } = await getDb();
  return queryAll(
    {
      TableName: table("questions"),
      IndexName: "bySkill",
      KeyConditionExpression: "skill = :skill",
      ExpressionAttributeValues: { ":skill": skill },
    },
    parseRow,
  );
}
