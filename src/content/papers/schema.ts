import * as z from "zod";
import { countWords } from "../../scoring/language/text";
import {
  countWords as countAnswerWords,
  expandOptional,
  normaliseText,
} from "../../scoring/marking";
import {
  JUDGEMENT_TYPES,
  QUESTION_TYPES,
  WRITTEN_TYPES,
  canonicalVerdict,
  optionSchema,
  parseWordLimit,
  questionSchema,
  type QuestionType,
} from "../../scoring/question-schema";

/**
 * Whole Reading and Listening tests. Questions are the scoring engine's `questionSchema` plus
 * the evidence for the key; nothing about a question is redefined here, so what the bank
 * stores is exactly what `markAnswer` marks.
 */

/** The sentence(s) in the passage or script that justify the key; two for a choose-TWO item. */
const evidenceSchema = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);

const testQuestionSchema = questionSchema.safeExtend({ evidence: evidenceSchema });
export type TestQuestion = z.infer<typeof testQuestionSchema>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * The paper prints the type, the option list and the word limit once per group, so the JSON
 * does too; each question inherits them here before validation so that a parsed question is
 * complete on its own (the marker needs the options for labels and the limit for length).
 */
export function inheritFromGroup(raw: unknown): unknown {
  if (!isRecord(raw) || !Array.isArray(raw.questions)) return raw;
  const { type, options, instructions } = raw;
  const written = WRITTEN_TYPES.includes(type as QuestionType);
  return {
    ...raw,
    questions: raw.questions.map((question: unknown) =>
      isRecord(question)
        ? {
            type,
            ...(options === undefined ? {} : { options }),
            ...(written ? { wordLimit: instructions } : {}),
            ...question,
          }
        : question,
    ),
  };
}

const questionGroupSchema = z.preprocess(
  inheritFromGroup,
  z
    .object({
      /** As printed, e.g. "Write NO MORE THAN TWO WORDS from the passage for each answer." */
      instructions: z.string().min(1),
      type: z.enum(QUESTION_TYPES),
      /** Heading over a note, table, form, flow chart or diagram; or the box of options. */
      title: z.string().optional(),
      /** Shared list: headings, paragraphs, people, sentence endings, or a summary's word box. */
      options: z.array(optionSchema).optional(),
      questions: z.array(testQuestionSchema).min(1),
    })
    .superRefine((group, ctx) => {
      group.questions.forEach((question, i) => {
        if (question.type !== group.type) {
          ctx.addIssue({
            code: "custom",
            path: ["questions", i, "type"],
            message: `A group holds one question type; this one is "${group.type}".`,
          });
        }
      });
      if (WRITTEN_TYPES.includes(group.type) && parseWordLimit(group.instructions) === null) {
        ctx.addIssue({
          code: "custom",
          path: ["instructions"],
          message: "Completion instructions must state the word limit.",
        });
      }
    }),
);
export type QuestionGroup = z.infer<typeof questionGroupSchema>;

const paragraphSchema = z.object({
  /** Paragraph letter, for matching headings and information. */
  label: z
    .string()
    .regex(/^[A-Z]$/)
    .optional(),
  text: z.string().min(1),
});

const readingSectionSchema = z.object({
  id: z.string().min(1),
  title: z.string().min(1),
  passage: z.object({ paragraphs: z.array(paragraphSchema).min(1) }),
  groups: z.array(questionGroupSchema).min(1),
});
export type ReadingSection = z.infer<typeof readingSectionSchema>;

const testId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "Test ids are kebab-case.");

const readingTestShape = z.object({
  id: testId,
  skill: z.literal("reading"),
  module: z.enum(["academic", "general"]),
  title: z.string().min(1),
  sections: z.array(readingSectionSchema).length(3),
});

export const readingTestSchema = readingTestShape.superRefine((test, ctx) => {
  for (const issue of readingPaperIssues(test)) ctx.addIssue({ code: "custom", ...issue });
});
export type ReadingTest = z.infer<typeof readingTestSchema>;

// ---------------------------------------------------------------- the Reading paper's rules

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
export function readingPaperIssues(test: z.infer<typeof readingTestShape>): PaperIssue[] {
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

/**
 * Each maps to one synthesiser voice in scripts/generate-audio.ts, named by sex and accent (the
 * accents Debian's engines have: American, Southern British, Scottish, Northern English,
 * Caribbean); the announcer has a voice of its own, so it is never mistaken for a speaker.
 */
const VOICES = [
  "female-us",
  "male-us",
  "female-uk",
  "male-uk",
  "female-scotland",
  "male-scotland",
  "female-caribbean",
  "male-northern-england",
] as const;
export type Voice = (typeof VOICES)[number];

/**
 * Every recording exists in both formats, Opus first: browsers take the first <source> they
 * can play, and Safari before iOS 17 cannot play Ogg Opus.
 */
export const AUDIO_FORMATS = [
  { extension: "ogg", type: 'audio/ogg; codecs="opus"' },
  { extension: "mp3", type: "audio/mpeg" },
] as const;

/** All the committed Listening audio, every test and format together (decision 033). */
export const AUDIO_BUDGET_BYTES = 40_000_000;

/** The context of each part, in order: Part 1 is always a social conversation, and so on. */
const LISTENING_CONTEXTS = [
  "social-conversation",
  "social-monologue",
  "educational-discussion",
  "academic-lecture",
] as const;

const speakerSchema = z.object({
  id: z.string().regex(/^[a-z]+$/),
  name: z.string().min(1),
  voice: z.enum(VOICES),
});

const listeningPartSchema = z
  .object({
    number: z.number().int().min(1).max(4),
    context: z.enum(LISTENING_CONTEXTS),
    /** Read by the announcer before the part, as on the recording. */
    introduction: z.string().min(1),
    speakers: z.array(speakerSchema).min(1).max(4),
    script: z.array(z.object({ speaker: z.string().min(1), text: z.string().min(1) })).min(1),
    /** The recording's path without extension: one file per entry of AUDIO_FORMATS. */
    audio: z.string().regex(/^\/audio\/[a-z0-9-]+$/),
    groups: z.array(questionGroupSchema).min(1),
  })
  .superRefine((part, ctx) => {
    if (part.context !== LISTENING_CONTEXTS[part.number - 1]) {
      ctx.addIssue({
        code: "custom",
        path: ["context"],
        message: `Part ${part.number} is a ${LISTENING_CONTEXTS[part.number - 1]}.`,
      });
    }
    const ids = new Set(part.speakers.map((s) => s.id));
    const voices = new Set(part.speakers.map((s) => s.voice));
    // Candidates tell speakers apart by voice alone, so no two may share a synthesiser.
    if (voices.size !== part.speakers.length || ids.size !== part.speakers.length) {
      ctx.addIssue({
        code: "custom",
        path: ["speakers"],
        message: "Speakers need distinct ids and voices.",
      });
    }
    part.script.forEach((line, i) => {
      if (!ids.has(line.speaker)) {
        ctx.addIssue({
          code: "custom",
          path: ["script", i, "speaker"],
          message: `Unknown speaker "${line.speaker}".`,
        });
      }
    });
  });
export type ListeningPart = z.infer<typeof listeningPartSchema>;

export const listeningTestSchema = z.object({
  id: testId,
  skill: z.literal("listening"),
  title: z.string().min(1),
  parts: z
    .array(listeningPartSchema)
    .length(4)
    .refine((parts) => parts.every((p, i) => p.number === i + 1), {
      error: "Parts are numbered 1 to 4 in order.",
    }),
});
export type ListeningTest = z.infer<typeof listeningTestSchema>;

export type IeltsTest = ReadingTest | ListeningTest;
