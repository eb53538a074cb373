// Kept apart from objective-paper.ts so the browser bundle can use it without the question bank.
export function fieldName(questionId: string): string {
  return `answer.${questionId}`;
}
