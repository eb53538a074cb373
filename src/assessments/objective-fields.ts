// Kept apart from objective-paper.ts so the browser bundle can use these without the question bank.
export function fieldName(questionId: string): string {
  return `answer.${questionId}`;
}

/** "true-false-not-given" -> "True false not given". */
export function typeName(type: string): string {
  const name = type.replace(/-/g, " ");
  return name.charAt(0).toUpperCase() + name.slice(1);
}
