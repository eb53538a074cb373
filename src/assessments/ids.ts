import * as z from "zod";

/**
 * Every assessment id is a random UUID (createAssessment). Anything else names nothing, and is
 * refused before it reaches DynamoDB, which rejects an empty key or one over 2,048 bytes with
 * an error rather than "not found".
 */
const assessmentIdSchema = z.uuid();

/** The id when the value is one, else null: the caller answers "not found". */
export function assessmentIdFrom(value: unknown): string | null {
  const parsed = assessmentIdSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
