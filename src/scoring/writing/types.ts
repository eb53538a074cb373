import * as z from "zod";

const criterionSchema = z.enum(["TA", "TR", "CC", "LR", "GRA"]);
export type Criterion = z.infer<typeof criterionSchema>;

const band = z.number().min(0).max(9).multipleOf(0.5);

/** What an Academic Task 1 chart or table shows, for checking that a report uses its data. */
export const chartFactsSchema = z.object({
  /** Categories, series, slices or table rows a report should cover. */
  names: z.array(z.string().trim().min(1)).max(40),
  /** Every number the visual shows, with totals where a reader would add them up. */
  values: z.array(z.number().finite()).max(200),
  /**
   * Changes a report may quote ("rose by 16", "grew by 50%"): between values of one series, row
   * or pie, in units and as a percentage of the earlier value.
   */
  changes: z.array(z.number().finite()).max(2000),
  /**
   * Which way each series or category moved from the first time shown to the last, where it
   * moved mostly one way: a report that says the opposite misreports the data.
   */
  trends: z
    .array(z.object({ name: z.string().trim().min(1), direction: z.enum(["up", "down"]) }))
    .max(40)
    .optional(),
});
export type ChartFacts = z.infer<typeof chartFactsSchema>;

export const writingInputSchema = z.object({
  task: z.union([z.literal(1), z.literal(2)]),
  module: z.enum(["academic", "general"]),
  prompt: z.string(),
  response: z.string(),
  /** Academic Task 1 with a chart or table only; a process or map has no figures to check. */
  facts: chartFactsSchema.optional(),
});
export type WritingInput = z.infer<typeof writingInputSchema>;

const writingErrorSchema = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  kind: z.enum(["grammar", "spelling", "punctuation", "style"]),
  message: z.string(),
  suggestion: z.string().optional(),
});

const share = z.number().min(0).max(1);

/** How far to trust an offline band: the model's agreement with examiners on unseen essays. */
const reliabilitySchema = z.object({
  /** Human-marked essays, none seen in fitting, the figures come from. */
  testedOn: z.number().int().positive(),
  withinHalfBand: share,
  withinOneBand: share,
  /** Bands one either side of the overall, the range that held for `withinOneBand` of them. */
  likely: z.object({ low: band, high: band }),
  /** Set when the answer is of a kind the figures do not cover (a General Training letter). */
  caveat: z.string().optional(),
});
export type Reliability = z.infer<typeof reliabilitySchema>;

export const writingScoreSchema = z.object({
  task: z.union([z.literal(1), z.literal(2)]),
  module: z.enum(["academic", "general"]),
  overall: band,
  /** TA for Task 1, TR for Task 2. */
  criteria: z.object({
    TA: band.optional(),
    TR: band.optional(),
    CC: band,
    LR: band,
    GRA: band,
  }),
  /** Words as counted for the length requirement: words copied from the prompt excluded. */
  wordCount: z.number().int().nonnegative(),
  /** Kebab-case codes such as "under-length", "off-topic", "mixed-spelling". */
  flags: z.array(z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)),
  /** Spans into the response text, for highlighting. */
  errors: z.array(writingErrorSchema),
  feedback: z.object({
    summary: z.string(),
    weakest: criterionSchema,
    nextBand: z.string(),
    points: z.array(
      z.object({
        criterion: criterionSchema,
        kind: z.enum(["strength", "improve"]),
        text: z.string(),
      }),
    ),
    overusedWords: z.array(z.string()),
  }),
  features: z.record(z.string(), z.number()),
  reliability: reliabilitySchema,
  scorer: z.literal("offline-v1"),
});
export type WritingScore = z.infer<typeof writingScoreSchema>;
