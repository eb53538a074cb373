/** Counting helpers that need no language model. */

const WORD = /[\p{L}\p{N}]+(?:['’\-.,][\p{L}\p{N}]+)*/gu;

/** Words as an examiner counts them: "don't", "well-known" and "3.5" are one word each. */
export function countWords(text: string): number {
  return text.match(WORD)?.length ?? 0;
}

/** The same words, lower-cased, for matching against word lists. */
export function lowerWords(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}

/** Blocks separated by line breaks; essays in the wild separate paragraphs with one or two. */
export function countParagraphs(text: string): number {
  return text.split(/\r?\n+/).filter((block) => /[\p{L}\p{N}]/u.test(block)).length;
}
