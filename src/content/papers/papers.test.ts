import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { countWords } from "../../scoring/language/text";
import { markAnswer } from "../../scoring/marking";
import {
  CHOICE_TYPES,
  JUDGEMENT_TYPES,
  MATCHING_TYPES,
  QUESTION_TYPES,
  TFNG_KEYS,
  YNNG_KEYS,
  canonicalVerdict,
} from "../../scoring/question-schema";
import {
  getTest,
  listeningTestSchema,
  listeningTests,
  questionsOf,
  readingTestSchema,
  readingTests,
  type IeltsTest,
  type TestQuestion,
} from "./index";

const files = import.meta.glob<unknown>("./*.json", { eager: true, import: "default" });
const allTests: readonly IeltsTest[] = [...readingTests, ...listeningTests];

/** Marks a question can earn: a choose-TWO item is two of the forty. */
function marksOf(question: TestQuestion): number {
  return question.type === "multiple-choice-multi" && Array.isArray(question.answer)
    ? question.answer.length
    : 1;
}

function totalMarks(questions: readonly TestQuestion[]): number {
  return questions.reduce((sum, q) => sum + marksOf(q), 0);
}

const squash = (text: string) => text.replace(/\s+/g, " ").trim();

function evidenceOf(question: TestQuestion): string[] {
  return Array.isArray(question.evidence) ? question.evidence : [question.evidence];
}

/** "(the) (local) school" -> every way a candidate may write it. */
function spellings(key: string): string[] {
  const match = /\(([^()]*)\)/.exec(key);
  if (!match) return [squash(key)];
  const before = key.slice(0, match.index);
  const after = key.slice(match.index + match[0].length);
  return [...spellings(`${before}${match[1]}${after}`), ...spellings(`${before} ${after}`)];
}

function correctAnswers(question: TestQuestion): (string | string[])[] {
  if (question.type === "multiple-choice-multi") return [question.answer];
  const keys = Array.isArray(question.answer) ? question.answer : [question.answer];
  return [...keys, ...(question.accept ?? [])].flatMap(spellings);
}

function wrongAnswer(question: TestQuestion): string | string[] {
  const keys = (Array.isArray(question.answer) ? question.answer : [question.answer]).map((k) =>
    k.toLowerCase(),
  );
  if (JUDGEMENT_TYPES.includes(question.type)) {
    const verdicts = question.type === "true-false-not-given" ? TFNG_KEYS : YNNG_KEYS;
    return verdicts.find((v) => v !== canonicalVerdict(keys[0]!))!;
  }
  if (CHOICE_TYPES.includes(question.type) || MATCHING_TYPES.includes(question.type)) {
    const others = (question.options ?? [])
      .map((o) => o.label)
      .filter((l) => !keys.includes(l.toLowerCase()));
    return question.type === "multiple-choice-multi" ? others.slice(0, keys.length) : others[0]!;
  }
  return "zebra";
}

describe("content bank", () => {
  it("registers every JSON file in the folder, and each validates against its schema", () => {
    expect(Object.keys(files).length).toBe(allTests.length);
    for (const [file, json] of Object.entries(files)) {
      const schema =
        (json as { skill?: string }).skill === "listening"
          ? listeningTestSchema
          : readingTestSchema;
      const parsed = schema.safeParse(json);
      expect(parsed.error?.issues ?? [], file).toEqual([]);
    }
  });

  it("has at least two tests of each kind, with unique test and question ids", () => {
    expect(readingTests.filter((t) => t.module === "academic").length).toBeGreaterThanOrEqual(2);
    expect(readingTests.filter((t) => t.module === "general").length).toBeGreaterThanOrEqual(2);
    expect(listeningTests.length).toBeGreaterThanOrEqual(2);
    const ids = allTests.flatMap((t) => questionsOf(t).map((q) => q.id));
    expect(new Set(ids).size).toBe(ids.length);
    for (const test of allTests) expect(getTest(test.id)).toBe(test);
  });

  it("uses every question type somewhere", () => {
    const used = new Set(allTests.flatMap((t) => questionsOf(t).map((q) => q.type)));
    expect(QUESTION_TYPES.filter((type) => !used.has(type))).toEqual([]);
  });
});

describe.each(readingTests.map((t) => [t.id, t] as const))("reading test %s", (_id, test) => {
  it("has 40 questions", () => {
    expect(totalMarks(questionsOf(test))).toBe(40);
    if (test.module === "academic") {
      expect(test.sections.map((s) => totalMarks(s.groups.flatMap((g) => g.questions)))).toEqual([
        13, 13, 14,
      ]);
    }
  });

  if (test.module === "academic") {
    it("has 2,150-2,750 words of passage in all", () => {
      const words = test.sections
        .flatMap((s) => s.passage.paragraphs)
        .reduce((sum, p) => sum + countWords(p.text), 0);
      expect(words).toBeGreaterThanOrEqual(2150);
      expect(words).toBeLessThanOrEqual(2750);
    });
  }

  it("quotes each key's evidence verbatim from its own passage", () => {
    for (const section of test.sections) {
      const paragraphs = section.passage.paragraphs.map((p) => squash(p.text));
      for (const question of section.groups.flatMap((g) => g.questions)) {
        for (const evidence of evidenceOf(question)) {
          expect(
            paragraphs.some((p) => p.includes(squash(evidence))),
            `${question.id}: ${evidence}`,
          ).toBe(true);
        }
      }
    }
  });

  it("labels paragraphs A, B, C... in order where they are labelled", () => {
    for (const section of test.sections) {
      const labels = section.passage.paragraphs.flatMap((p) => (p.label ? [p.label] : []));
      expect(labels).toEqual(labels.map((_, i) => String.fromCharCode(65 + i)));
    }
  });
});

describe.each(listeningTests.map((t) => [t.id, t] as const))("listening test %s", (_id, test) => {
  it("has four parts of 10 questions", () => {
    expect(test.parts.map((p) => totalMarks(p.groups.flatMap((g) => g.questions)))).toEqual([
      10, 10, 10, 10,
    ]);
  });

  it("quotes each key's evidence verbatim from a line of its part's script", () => {
    for (const part of test.parts) {
      const lines = part.script.map((l) => squash(l.text));
      for (const question of part.groups.flatMap((g) => g.questions)) {
        for (const evidence of evidenceOf(question)) {
          expect(
            lines.some((l) => l.includes(squash(evidence))),
            `${question.id}: ${evidence}`,
          ).toBe(true);
        }
      }
    }
  });

  it("points each part at committed audio named after the test", () => {
    for (const part of test.parts) {
      expect(part.audio).toMatch(new RegExp(`^/audio/${test.id}-part${part.number}\\.(ogg|mp3)$`));
      const file = fileURLToPath(new URL(`../../../public${part.audio}`, import.meta.url));
      expect(existsSync(file), file).toBe(true);
    }
  });
});

describe.each(allTests.map((t) => [t.id, t] as const))("answer keys of %s", (_id, test) => {
  it.each(questionsOf(test).map((q) => [q.id, q] as const))("%s", (_qid, question) => {
    for (const answer of correctAnswers(question)) {
      const mark = markAnswer(question, answer);
      expect(mark.reason, JSON.stringify(answer)).toBe("Correct.");
      expect(mark.marks).toBe(marksOf(question));
    }
    const wrong = markAnswer(question, wrongAnswer(question));
    expect(wrong.correct).toBe(false);
    expect(wrong.marks).toBe(0);
  });
});
