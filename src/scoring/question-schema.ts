import * as z from "zod";

/** Every Reading and Listening question type the product marks. */
export const QUESTION_TYPES = [
  "multiple-choice",
  "multiple-choice-multi",
  "true-false-not-given",
  "yes-no-not-given",
  "matching-headings",
  "matching-information",
  "matching-features",
  "matching-sentence-endings",
  "sentence-completion",
  "summary-completion",
  "note-completion",
  "form-completion",
  "table-completion",
  "flow-chart-completion",
  "diagram-label-completion",
  "short-answer",
] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export const CHOICE_TYPES: readonly QuestionType[] = ["multiple-choice", "multiple-choice-multi"];
export const JUDGEMENT_TYPES: readonly QuestionType[] = [
  "true-false-not-given",
  "yes-no-not-given",
];
export const MATCHING_TYPES: readonly QuestionType[] = [
  "matching-headings",
  "matching-information",
  "matching-features",
  "matching-sentence-endings",
];
/** Types answered in the candidate's own words, where word limits and variants apply. */
export const WRITTEN_TYPES: readonly QuestionType[] = QUESTION_TYPES.filter(
  (t) => !CHOICE_TYPES.includes(t) && !JUDGEMENT_TYPES.includes(t) && !MATCHING_TYPES.includes(t),
);

export const TFNG_KEYS = ["TRUE", "FALSE", "NOT GIVEN"];
export const YNNG_KEYS = ["YES", "NO", "NOT GIVEN"];

export interface WordLimit {
  /** Most words allowed, not counting the number allowance. */
  words: number;
  /** Whether one number may be written on top of the words ("AND/OR A NUMBER"). */
  number: boolean;
}

const NUMBER_NAMES: Record<string, number> = {
  ONE: 1,
  TWO: 2,
  THREE: 3,
  FOUR: 4,
  FIVE: 5,
};

/**
 * Reads the word limit from instruction text as printed on the paper, e.g. "NO MORE THAN TWO
 * WORDS AND/OR A NUMBER", "ONE WORD ONLY", "NO MORE THAN THREE WORDS", "A NUMBER". Returns
 * null when the text states no limit we recognise, so that content with a typo is rejected
 * rather than marked without a limit.
 */
export function parseWordLimit(instructions: string): WordLimit | null {
  const text = instructions.toUpperCase().replace(/\s+/g, " ");
  const words = /\b(ONE|TWO|THREE|FOUR|FIVE|\d+) WORDS?\b/.exec(text);
  const number = /\bNUMBERS?\b/.test(text);
  if (!words && !number) return null;
  const count = words ? (NUMBER_NAMES[words[1]!] ?? Number(words[1])) : 0;
  return { words: count, number };
}

const wordLimitSchema = z.union([
  z.object({ words: z.number().int().min(0), number: z.boolean() }),
  z.string().refine((s) => parseWordLimit(s) !== null, {
    error: "Word limit text must say how many words and/or whether a number is allowed.",
  }),
]);

export const optionSchema = z.object({
  /** What the candidate writes: "A", "iv", "C". */
  label: z.string().min(1),
  text: z.string(),
});

export const questionSchema = z
  .object({
    id: z.string().min(1),
    type: z.enum(QUESTION_TYPES),
    prompt: z.string().optional(),
    options: z.array(optionSchema).optional(),
    /**
     * The key. Choice and matching: the label(s), e.g. "B" or ["A", "D"] for choose TWO.
     * T/F/NG and Y/N/NG: the verdict ("NOT GIVEN" or "NG"). Written answers: one or more
     * accepted answers, where "(the) library" marks optional words.
     */
    answer: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]),
    /** More accepted written answers: British and American spellings, other wordings. */
    accept: z.array(z.string().min(1)).optional(),
    wordLimit: wordLimitSchema.optional(),
    /** Why the key is right, in the passage's terms; shown when the answer is wrong. */
    explanation: z.string().optional(),
  })
  .superRefine((q, ctx) => {
    const keys = Array.isArray(q.answer) ? q.answer : [q.answer];
    if (q.type === "multiple-choice-multi" && keys.length < 2) {
      ctx.addIssue({
        code: "custom",
        path: ["answer"],
        message: "A choose-several question lists at least two letters.",
      });
    }
    if ((q.type === "multiple-choice" || MATCHING_TYPES.includes(q.type)) && keys.length !== 1) {
      ctx.addIssue({ code: "custom", path: ["answer"], message: "This type has one key." });
    }
    if (JUDGEMENT_TYPES.includes(q.type)) {
      const allowed = q.type === "true-false-not-given" ? TFNG_KEYS : YNNG_KEYS;
      if (keys.length !== 1 || !allowed.includes(canonicalVerdict(keys[0]!) ?? "")) {
        ctx.addIssue({
          code: "custom",
          path: ["answer"],
          message: `The key must be one of ${allowed.join(", ")}.`,
        });
      }
    }
    if (q.options && (CHOICE_TYPES.includes(q.type) || MATCHING_TYPES.includes(q.type))) {
      const labels = new Set(q.options.map((o) => o.label.toLowerCase()));
      for (const key of keys) {
        if (!labels.has(key.trim().toLowerCase())) {
          ctx.addIssue({
            code: "custom",
            path: ["answer"],
            message: `The key "${key}" is not one of the options.`,
          });
        }
      }
    }
  });

export type Question = z.infer<typeof questionSchema>;

const VERDICTS: Record<string, string> = {
  t: "TRUE",
  true: "TRUE",
  f: "FALSE",
  false: "FALSE",
  y: "YES",
  yes: "YES",
  n: "NO",
  no: "NO",
  ng: "NOT GIVEN",
  "not given": "NOT GIVEN",
  notgiven: "NOT GIVEN",
};

/**
 * "t", "True", " NOT  given", "N.G." -> the verdict in capitals; null when it is none. Note that
 * this does not know the question type: "YES" is a verdict, but not a valid one for T/F/NG.
 */
export function canonicalVerdict(text: string): string | null {
  const compact = text
    .toLowerCase()
    .replace(/[.\-_]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  return VERDICTS[compact] ?? VERDICTS[compact.replace(/ /g, "")] ?? null;
}
