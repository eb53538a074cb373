import * as z from "zod";

/** Ids are stored with a student's history, so they must stay readable and never change. */
const idSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: "Ids are lower-case words joined by hyphens." });
const text = z.string().trim().min(1);
const finite = z.number().finite();

// Values within this distance of 100 count as 100, so that one-decimal data can be used.
const PERCENT_TOLERANCE = 0.05;

export const TASK2_TYPES = [
  "opinion",
  "discussion",
  "problem-solution",
  "advantages-disadvantages",
  "two-part",
] as const;
export type Task2Type = (typeof TASK2_TYPES)[number];

export const task2Schema = z
  .object({
    id: idSchema,
    skill: z.literal("writing"),
    task: z.literal(2),
    module: z.enum(["academic", "general", "both"]),
    type: z.enum(TASK2_TYPES),
    topic: text,
    prompt: text,
    keywords: z.array(text).min(1),
  })
  .strict();
export type Task2Question = z.infer<typeof task2Schema>;

const seriesSchema = z.object({ name: text, values: z.array(finite).min(1) }).strict();

/** Every series must supply one value per label, or points would be drawn at the wrong place. */
function seriesMatch(labels: readonly string[], series: readonly { values: number[] }[]) {
  return series.every((s) => s.values.length === labels.length);
}

/** A chart of series over labelled points (the labels under `labelsKey`). */
function seriesChart<K extends "line" | "bar", L extends "xLabels" | "categories">(
  kind: K,
  labelsKey: L,
  error: string,
) {
  const labels = { [labelsKey]: z.array(text).min(2) } as Record<L, z.ZodArray<typeof text>>;
  return z
    .object({
      kind: z.literal(kind),
      title: text,
      ...labels,
      yUnit: text,
      series: z.array(seriesSchema).min(1).max(5),
    })
    .strict()
    .refine(
      (v) => {
        // Generic keys defeat zod's inference here; the shape above guarantees both fields.
        const chart = v as unknown as Record<L, string[]> & { series: { values: number[] }[] };
        return seriesMatch(chart[labelsKey], chart.series);
      },
      { error },
    );
}

const lineSchema = seriesChart(
  "line",
  "xLabels",
  "Each line series needs exactly one value per x label.",
);
const barSchema = seriesChart(
  "bar",
  "categories",
  "Each bar series needs exactly one value per category.",
);

const pieSchema = z
  .object({
    title: text,
    slices: z
      .array(z.object({ label: text, value: finite.positive() }).strict())
      .min(2)
      .max(8),
  })
  .strict()
  .refine(
    (p) => Math.abs(p.slices.reduce((sum, s) => sum + s.value, 0) - 100) <= PERCENT_TOLERANCE,
    { error: "Pie slices are percentages and must sum to 100." },
  );

const pieChartSchema = z
  .object({
    kind: z.literal("pie"),
    title: text,
    pies: z.array(pieSchema).min(1).max(2),
  })
  .strict();

const tableSchema = z
  .object({
    kind: z.literal("table"),
    title: text,
    /** Units or source note shown under the table, e.g. "Figures in thousands". */
    note: text.optional(),
    columns: z.array(text).min(2),
    rows: z.array(z.array(z.union([text, finite]))).min(2),
  })
  .strict()
  .refine((t) => t.rows.every((r) => r.length === t.columns.length), {
    error: "Every table row needs one cell per column.",
  });

const processSchema = z
  .object({
    kind: z.literal("process"),
    title: text,
    steps: z
      .array(z.object({ label: text, detail: text.optional() }).strict())
      .min(3)
      .max(10),
    cyclic: z.boolean().optional(),
  })
  .strict();

const MAP_FEATURE_KINDS = [
  "building",
  "housing",
  "shops",
  "road",
  "path",
  "park",
  "trees",
  "water",
  "farmland",
  "car-park",
  "sports",
] as const;
export type MapFeatureKind = (typeof MAP_FEATURE_KINDS)[number];

const mapFeatureSchema = z
  .object({
    label: z.string().trim(),
    x: finite.min(0),
    y: finite.min(0),
    w: finite.positive(),
    h: finite.positive(),
    kind: z.enum(MAP_FEATURE_KINDS),
  })
  .strict();

const mapStateSchema = z
  .object({
    /** What the reader sees above the map, e.g. "1995" or "Now". */
    label: text,
    features: z.array(mapFeatureSchema).min(1),
  })
  .strict();

const mapSchema = z
  .object({
    kind: z.literal("map"),
    title: text,
    /** Grid size in cells; feature coordinates are cells from the top-left corner. */
    grid: z.object({
      cols: z.number().int().min(4).max(20),
      rows: z.number().int().min(4).max(20),
    }),
    before: mapStateSchema,
    after: mapStateSchema,
  })
  .strict()
  .refine(
    (m) =>
      [...m.before.features, ...m.after.features].every(
        (f) => f.x + f.w <= m.grid.cols && f.y + f.h <= m.grid.rows,
      ),
    { error: "Every map feature must lie inside the grid." },
  );

/** The charts that carry figures, and so can be combined in one mixed task. */
const chartSchema = z.discriminatedUnion("kind", [
  lineSchema,
  barSchema,
  pieChartSchema,
  tableSchema,
]);

/** Two charts of one subject, read together: "the line graph and the table below show...". */
const mixedSchema = z
  .object({
    kind: z.literal("mixed"),
    title: text,
    parts: z.tuple([chartSchema, chartSchema]),
  })
  .strict()
  .refine((m) => m.parts[0].kind !== m.parts[1].kind, {
    error: "A mixed task combines two different kinds of chart.",
  });

const visualSchema = z.discriminatedUnion("kind", [
  lineSchema,
  barSchema,
  pieChartSchema,
  tableSchema,
  mixedSchema,
  processSchema,
  mapSchema,
]);
export type Visual = z.infer<typeof visualSchema>;
export type ChartVisual = z.infer<typeof chartSchema>;
export type VisualKind = Visual["kind"];
export type LineVisual = Extract<Visual, { kind: "line" }>;
export type BarVisual = Extract<Visual, { kind: "bar" }>;
export type PieVisual = Extract<Visual, { kind: "pie" }>;
export type TableVisual = Extract<Visual, { kind: "table" }>;
export type ProcessVisual = Extract<Visual, { kind: "process" }>;
export type MapVisual = Extract<Visual, { kind: "map" }>;
export type MapFeature = z.infer<typeof mapFeatureSchema>;

export const academicTask1Schema = z
  .object({
    id: idSchema,
    skill: z.literal("writing"),
    task: z.literal(1),
    module: z.literal("academic"),
    visual: visualSchema,
    prompt: text,
    /** What a good overview mentions; used by feedback, never shown before submission. */
    keyFeatures: z.array(text).min(2),
  })
  .strict();
export type AcademicTask1Question = z.infer<typeof academicTask1Schema>;

const LETTER_REGISTERS = ["formal", "semi-formal", "informal"] as const;

export const generalTask1Schema = z
  .object({
    id: idSchema,
    skill: z.literal("writing"),
    task: z.literal(1),
    module: z.literal("general"),
    register: z.enum(LETTER_REGISTERS),
    situation: text,
    bullets: z.tuple([text, text, text]),
    recipient: text,
    prompt: text,
  })
  .strict();
export type GeneralTask1Question = z.infer<typeof generalTask1Schema>;

export const speakingSetSchema = z
  .object({
    id: idSchema,
    skill: z.literal("speaking"),
    part1: z
      .array(z.object({ topic: text, questions: z.array(text).min(3).max(4) }).strict())
      .min(2)
      .max(3),
    part2: z
      .object({
        cueCard: z
          .object({ topic: text, points: z.array(text).min(3).max(4), finalPoint: text })
          .strict(),
        roundingOff: z.array(text).min(1).max(2),
      })
      .strict(),
    part3: z
      .array(z.object({ theme: text, questions: z.array(text).min(1) }).strict())
      .min(1)
      .max(3),
  })
  .strict()
  .refine(
    (s) => {
      const total = s.part3.reduce((n, t) => n + t.questions.length, 0);
      return total >= 5 && total <= 6;
    },
    // Part 3 lasts 4-5 minutes: five or six questions across its themes fill it.
    { error: "Part 3 needs five or six questions in all." },
  );
export type SpeakingSet = z.infer<typeof speakingSetSchema>;

export const questionSchema = z.union([
  task2Schema,
  academicTask1Schema,
  generalTask1Schema,
  speakingSetSchema,
]);
export type Question = z.infer<typeof questionSchema>;
export type WritingQuestion = Task2Question | AcademicTask1Question | GeneralTask1Question;
