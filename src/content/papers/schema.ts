import * as z from "zod";
import {
  QUESTION_TYPES,
  WRITTEN_TYPES,
  optionSchema,
  parseWordLimit,
  questionSchema,
  type QuestionType,
} from "../../scoring/question-schema";
import { readingPaperIssues } from "./reading-rules";

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

export type ReadingTestShape = z.infer<typeof readingTestShape>;

export const readingTestSchema = readingTestShape.superRefine((test, ctx) => {
  for (const issue of readingPaperIssues(test)) ctx.addIssue({ code: "custom", ...issue });
});
export type ReadingTest = z.infer<typeof readingTestSchema>;

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
