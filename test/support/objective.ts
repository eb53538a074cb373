import { hashPassword } from "../../src/accounts/passwords";
import { createUser } from "../../src/data/users";
import { getAssessment } from "../../src/data/assessments";
import { getTest, questionsOf, type TestQuestion } from "../../src/content/papers";
import { MATCHING_TYPES, CHOICE_TYPES, JUDGEMENT_TYPES } from "../../src/scoring/question-schema";
import { uniqueEmail } from "./client";
import { sessionCookieFor } from "./users";

/** A signed-in student: a user and a live session, as the cookie a browser would hold. */
export async function studentCookie(label: string): Promise<{ name: string; value: string }> {
  const created = await createUser({
    email: uniqueEmail(label),
    passwordHash: await hashPassword("objective-tests-1"),
  });
  if (!created.ok) throw new Error("user not created");
  return sessionCookieFor(created.user);
}

/** The key as a candidate would write it: optional words kept, brackets dropped. */
function correctAnswer(question: TestQuestion): string {
  const keys = [question.answer].flat();
  if (question.type === "multiple-choice-multi") return keys.join(",");
  const plain = [...JUDGEMENT_TYPES, ...MATCHING_TYPES, ...CHOICE_TYPES].includes(question.type);
  return plain ? keys[0]! : keys[0]!.replace(/[()]/g, "");
}

export async function paperOf(assessmentId: string) {
  const assessment = await getAssessment(assessmentId);
  const testId = assessment?.submission.kind === "objective" ? assessment.submission.testId : "";
  const test = getTest(testId);
  if (!assessment || !test) throw new Error(`no paper for ${assessmentId}`);
  return { assessment, test, questions: questionsOf(test) };
}

/** Right answers worth exactly `marks`, leaving the rest of the paper blank. */
export function answersWorth(questions: readonly TestQuestion[], marks: number) {
  const answers: Record<string, string> = {};
  let total = 0;
  for (const q of questions) {
    const worth = q.type === "multiple-choice-multi" ? [q.answer].flat().length : 1;
    if (total + worth > marks) continue;
    answers[q.id] = correctAnswer(q);
    total += worth;
  }
  return answers;
}
