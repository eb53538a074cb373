import type { Assessment } from "../domain/assessment";
import type { Skill } from "../domain/module";
import type { ScoringResult } from "../domain/result";
/** The skills a student can filter by; mock tests appear only in the full history. */
export const SKILLS: readonly Skill[] = ["writing", "speaking", "reading", "listening"];

export function parseSkill(value: string | null): Skill | null {
  return SKILLS.find((s) => s === value) ?? null;
}

/** Writing Task 1 has TA where Task 2 has TR; speaking adds P only when audio was scored. */
const CRITERIA_ORDER = ["TA", "TR", "FC", "CC", "LR", "GRA", "P"] as const;

interface RawScore {
  raw: number;
  maxRaw: number;
}

export interface HistoryRow {
  assessmentId: string;
  /** ISO 8601: when it was handed in, or started when it never was. */
  date: string;
  skill: Skill;
  module: Assessment["module"];
  status: Assessment["status"];
  /** Writing task (1 or 2); absent for other skills. */
  task?: 1 | 2;
  /** The question's first line, so that a student can tell attempts apart. */
  question: string;
  late: boolean;
  overall: number | null;
  criteria: Partial<Record<string, number>>;
  /** Reading and Listening: marks against the answer key. */
  score: RawScore | null;
}

/** What history needs from an assessment; `marking` is what Reading and Listening store. */
export type HistorySource = Pick<
  Assessment,
  | "assessmentId"
  | "skill"
  | "module"
  | "status"
  | "createdAt"
  | "submittedAt"
  | "late"
  | "discardedAt"
> & {
  submission?: { kind: string; task?: 1 | 2; prompt?: string };
  result?: Pick<ScoringResult, "criteria" | "overall">;
  marking?: unknown;
  mockBands?: unknown;
};

const isNumber = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);

// Reading and Listening results are marked elsewhere and may predate, or lack, some fields:
// read what is there rather than trusting a shape this module does not own.
function readMarking(marking: unknown): { band: number | null; score: RawScore | null } {
  if (typeof marking !== "object" || marking === null) return { band: null, score: null };
  const m = marking as Record<string, unknown>;
  const band = isNumber(m.band) ? m.band : null;
  const score = isNumber(m.raw) && isNumber(m.maxRaw) ? { raw: m.raw, maxRaw: m.maxRaw } : null;
  return { band, score };
}

const QUESTION_CHARS = 140;

function questionLine(prompt: string | undefined): string {
  const line =
    prompt
      ?.split(/\r?\n/)
      .find((l) => l.trim())
      ?.trim() ?? "";
  return line.length > QUESTION_CHARS ? `${line.slice(0, QUESTION_CHARS - 1).trimEnd()}…` : line;
}

/** A mock test's overall band, once all four of its skills are in. */
function mockOverall(bands: unknown): number | null {
  const overall = (bands as { overall?: unknown } | null | undefined)?.overall;
  return isNumber(overall) ? overall : null;
}

export function toHistoryRow(a: HistorySource): HistoryRow {
  const marking = readMarking(a.marking);
  const scored = a.status === "scored" && a.result;
  return {
    assessmentId: a.assessmentId,
    date: a.submittedAt ?? a.createdAt,
    skill: a.skill,
    module: a.module,
    status: a.status,
    task: a.submission?.kind === "writing" ? a.submission.task : undefined,
    question: questionLine(a.submission?.prompt),
    late: a.late === true,
    overall: scored ? a.result!.overall : (marking.band ?? mockOverall(a.mockBands)),
    criteria: scored ? { ...a.result!.criteria } : {},
    score: marking.score,
  };
}

/** Newest first, optionally one skill only; attempts the student removed are left out. */
export function historyRows(
  assessments: readonly HistorySource[],
  skill: Skill | null,
): HistoryRow[] {
  return assessments
    .filter((a) => !a.discardedAt && (skill === null || a.skill === skill))
    .map(toHistoryRow)
    .sort((x, y) => y.date.localeCompare(x.date));
}

/** The criteria that occur in these rows, in the order examiners list them. */
export function criteriaIn(rows: readonly HistoryRow[]): string[] {
  const present = new Set(rows.flatMap((r) => Object.keys(r.criteria)));
  return CRITERIA_ORDER.filter((c) => present.has(c));
}
