import type { WordLimit } from "../question-schema";

// Written answers as examiners compare and count them: numbers in words read as digits.

const UNITS: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const SCALES: Record<string, number> = { hundred: 100, thousand: 1000, million: 1_000_000 };

function isNumberWord(word: string): boolean {
  return word in UNITS || word in SCALES;
}

/** "twenty-five" and "one hundred and five" are numbers written in words. */
function numberWordParts(token: string): string[] | null {
  const parts = token.split("-");
  return parts.every(isNumberWord) ? parts : null;
}

function wordsToNumber(words: readonly string[]): number {
  let total = 0;
  let current = 0;
  for (const word of words) {
    if (word in UNITS) current += UNITS[word]!;
    else if (word === "hundred") current = (current || 1) * 100;
    else {
      total += (current || 1) * SCALES[word]!;
      current = 0;
    }
  }
  return total + current;
}

/** Groups tokens into runs of number words (joined by "and" after a scale word) and others. */
function groupNumberWords(tokens: readonly string[]): { tokens: string[]; number: boolean }[] {
  const groups: { tokens: string[]; number: boolean }[] = [];
  let run: string[] = [];
  let parts: string[] = [];
  const flush = () => {
    if (run.length) groups.push({ tokens: run, number: true });
    run = [];
    parts = [];
  };
  tokens.forEach((token, i) => {
    const numberParts = numberWordParts(token);
    const last = parts[parts.length - 1];
    const andInNumber =
      token === "and" &&
      last !== undefined &&
      last in SCALES &&
      numberWordParts(tokens[i + 1] ?? "") !== null;
    if (numberParts || andInNumber) {
      run.push(token);
      parts.push(...(numberParts ?? []));
    } else {
      flush();
      groups.push({
        tokens: [token],
        number: /^[£$€]?\d[\d,.:/]*(%|st|nd|rd|th|am|pm)?$/.test(token),
      });
    }
  });
  flush();
  return groups;
}

function tokenise(text: string): string[] {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .split(/\s+/)
    .map((t) => t.replace(/^[.,;:!?"'(]+|[.,;:!?"')]+$/g, ""))
    .filter(Boolean);
}

/**
 * The comparable form of a written answer: case, spacing and surrounding punctuation dropped,
 * numbers as digits ("twenty" and "20" compare equal, as do "1,000" and "1000").
 */
export function normaliseText(text: string): string {
  return groupNumberWords(tokenise(text))
    .map((g) => {
      if (g.number && !/\d/.test(g.tokens[0]!)) {
        return String(
          wordsToNumber(g.tokens.filter((t) => t !== "and").flatMap((t) => t.split("-"))),
        );
      }
      return g.tokens
        .map((t) => (/^\d{1,3}(,\d{3})+$/.test(t) ? t.replace(/,/g, "") : t))
        .join(" ");
    })
    .join(" ");
}

/** Words in an answer against a limit: hyphenated words count once; one number may be free. */
export function countWords(text: string, limit: WordLimit): { words: number; numbers: number } {
  const groups = groupNumberWords(tokenise(text));
  let words = 0;
  let numbers = 0;
  for (const group of groups) {
    if (group.number && limit.number && numbers === 0) numbers++;
    else words += group.tokens.filter((t) => t !== "and" || !group.number).length;
  }
  return { words, numbers };
}
