import { deleteItem, putItem } from "./commands";
import { strings } from "./fields";
import { getDb } from "./tables";

/** An admin's wording of one criterion, in place of the default; who changed it is audited. */
export interface RubricText {
  rubricId: string;
  text: string;
  /** ISO 8601 */
  updatedAt: string;
}

/** Every stored wording: a handful of items (one per criterion), so one page holds them all. */
export async function listRubricTexts(): Promise<RubricText[]> {
  const { doc, table, sdk } = await getDb();
  const { Items } = await doc.send(new sdk.ScanCommand({ TableName: table("rubrics") }));
  return (Items ?? []).map((item) => strings(item, ["rubricId", "text", "updatedAt"]));
}

export async function putRubricText(item: RubricText): Promise<void> {
  await putItem("rubrics", { Item: item });
}

export async function deleteRubricText(rubricId: string): Promise<void> {
  await deleteItem("rubrics", { Key: { rubricId } });
}
