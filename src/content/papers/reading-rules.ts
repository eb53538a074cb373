import { countWords } from "../../scoring/language/text";
import {
  countWords as countAnswerWords,
  expandOptional,
  normaliseText,
} from "../../scoring/marking";
import {
  JUDGEMENT_TYPES,
  WRITTEN_TYPES,
  canonicalVerdict,
  parseWordLimit,
} from "../../scoring/question-schema";
import type { QuestionGroup, ReadingTest, ReadingTestShape, TestQuestion } from "./schema";

/**
 * The Reading paper's rules beyond its shape, checked by the schema's refinement: the real
 * paper's lengths and marks, its mix of tasks, and keys that the passage bears out.
 */

type Range = readonly [min: number, max: number];

/**
 * Passage lengths of the real papers (ielts-facts.md). Academic: three passages of about
 * 700-950 words, 2,150-2,750 in all. General Training publishes only the total; the sections
 * follow the real paper's shape: short everyday texts, then two workplace texts, then one
 * longer general-interest text.
 */
export const READING_LENGTHS: Record<
  ReadingTest["module"],
  { sections: readonly [Range, Range, Range]; total: Range }
> = {
  academic: {
    sections: [
      [700, 950],
      [700, 950],
      [700, 950],
    ],
    total: [2150, 2750],
  },
  general: {
    sections: [
      [550, 900],
      [600, 950],
      [800, 1100],
    ],
    total: [2500, 2700],
  },
};

/** Marks per section: 40 in all, 13 or 14 to a passage as on the real paper. */
const SECTION_MARKS: Range = [13, 14];
const TEST_MARKS = 40;

/** Real papers mix their tasks: at least six question types, none for more than ten marks. */
const FEWEST_TYPES = 6;
const MOST_MARKS_OF_ONE_TYPE = 10;

/** A T/F/NG or Y/N/NG group this long uses every verdict, and none for more than 60%. */
const BALANCED_FROM = 4;
const MOST_OF_ONE_VERDICT = 0.6;

/** Marks a question can earn: a choose-TWO item is two of the forty. */
export function marksOf(question: TestQuestion): number {
  return question.type === "multiple-choice-multi" && Array.isArray(question.answer)
    ? question.answer.length
    : 1;
}

/**
 * For finding a key in the passage: a 'missing receipt' form holds "missing receipt", £20 holds
 * "20", 45p holds "45" and "three" holds "3".
 */
const plain = (text: string) =>
  normaliseText(text)
    .toLowerCase()
    .replace(/[‘’'"“”,.;:!?()£$€]/g, " ")
    .replace(/\s+/g, " ")
    .trim();

function keysOf(question: TestQuestion): string[] {
  return Array.isArray(question.answer) ? question.answer : [question.answer];
}

type PaperIssue = { path: (string | number)[]; message: string };

function outside([min, max]: Range, value: number): boolean {
  return value < min || value > max;
}

function judgementIssues(group: QuestionGroup): string | null {
  if (!JUDGEMENT_TYPES.includes(group.type) || group.questions.length < BALANCED_FROM) return null;
  const counts = new Map<string, number>();
  for (const q of group.questions) {
    const verdict = canonicalVerdict(keysOf(q)[0]!) ?? "";
    counts.set(verdict, (counts.get(verdict) ?? 0) + 1);
  }
  const most = Math.max(...counts.values());
  if (counts.size < 3 || most > group.questions.length * MOST_OF_ONE_VERDICT) {
    return `A group of ${group.questions.length} verdicts uses all three, none for more than ${MOST_OF_ONE_VERDICT * 100}% of them.`;
  }
  return null;
}

/** Written answers: every accepted form within the group's limit, every key in the passage. */
function writtenIssues(question: TestQuestion, passage: string): string[] {
  if (!WRITTEN_TYPES.includes(question.type)) return [];
  const limit = typeof question.wordLimit === "string" ? parseWordLimit(question.wordLimit) : null;
  const issues: string[] = [];
  for (const answer of [...keysOf(question), ...(question.accept ?? [])].flatMap(expandOptional)) {
    if (limit && countAnswerWords(answer, limit).words > limit.words) {
      issues.push(`"${answer.trim()}" is over the group's word limit.`);
    }
  }
  for (const key of keysOf(question)) {
    if (!expandOptional(key).some((k) => ` ${passage}`.includes(` ${plain(k)}`))) {
      issues.push(`The key "${key}" is not in the passage.`);
    }
  }
  return issues;
}

/**
 * What a Reading paper must satisfy beyond its shape: the real paper's lengths and marks, a
 * mix of question types, word limits that every accepted answer meets, completion keys taken
 * from the passage, and judgement keys that do not lean on one verdict.
 */
export function readingPaperIssues(test: ReadingTestShape): PaperIssue[] {
  const issues: PaperIssue[] = [];
  const lengths = READING_LENGTHS[test.module];
  let total = 0;
  let marks = 0;
  test.sections.forEach((section, s) => {
    const words = section.passage.paragraphs.reduce((n, p) => n + countWords(p.text), 0);
    total += words;
    const range = lengths.sections[s]!;
    if (outside(range, words)) {
      issues.push({
        path: ["sections", s, "passage"],
        message: `${section.id} has ${words} words; it needs ${range[0]}-${range[1]}.`,
      });
    }
    const passage = plain(section.passage.paragraphs.map((p) => p.text).join(" "));
    const sectionMarks = section.groups.reduce(
      (n, g) => n + g.questions.reduce((m, q) => m + marksOf(q), 0),
      0,
    );
    marks += sectionMarks;
    if (outside(SECTION_MARKS, sectionMarks)) {
      issues.push({
        path: ["sections", s, "groups"],
        message: `${section.id} has ${sectionMarks} marks; a section has ${SECTION_MARKS.join(" or ")}.`,
      });
    }
    section.groups.forEach((group, g) => {
      const unbalanced = judgementIssues(group);
      if (unbalanced) issues.push({ path: ["sections", s, "groups", g], message: unbalanced });
      group.questions.forEach((question, q) => {
        for (const message of writtenIssues(question, passage)) {
          issues.push({ path: ["sections", s, "groups", g, "questions", q], message });
        }
      });
    });
  });
  if (outside(lengths.total, total)) {
    issues.push({
      path: ["sections"],
      message: `${test.id} has ${total} words of text; it needs ${lengths.total[0]}-${lengths.total[1]}.`,
    });
  }
  const byType = new Map<string, number>();
  for (const q of test.sections.flatMap((sec) => sec.groups.flatMap((g) => g.questions))) {
    byType.set(q.type, (byType.get(q.type) ?? 0) + marksOf(q));
  }
  if (byType.size < FEWEST_TYPES) {
    issues.push({
      path: ["sections"],
      message: `${test.id} uses ${byType.size} question types; a paper uses at least ${FEWEST_TYPES}.`,
    });
  }
  for (const [type, n] of byType) {
    if (n > MOST_MARKS_OF_ONE_TYPE) {
      issues.push({
        path: ["sections"],
        message: `${test.id} gives ${n} marks to ${type}; no type has more than ${MOST_MARKS_OF_ONE_TYPE}.`,
      });
    }
  }
  if (marks !== TEST_MARKS) {
    issues.push({
      path: ["sections"],
      message: `${test.id} has ${marks} marks, not ${TEST_MARKS}.`,
    });
  }
  return issues;
}
