import type { Highlight, ScoringResult } from "../domain/result";
import * as z from "zod";
import { roundToHalfBand, speakingBand, taskBand } from "../scoring/bands";
import { CONFIDENCE, criteriaFor } from "./prompt";
import { neutralise, studentText } from "./safety";
import type { ScoringRequest } from "./types";

type Confidence = (typeof CONFIDENCE)[number];

/** A model answer that passed validation, with bands on the legal grid and overall recomputed. */
export type ValidatedAnswer = Pick<
  ScoringResult,
  "criteria" | "overall" | "feedback" | "highlights"
> & { confidence: Confidence };

/** The answer's part of a result: the model's own low confidence becomes a flag on it. */
export function answerFields(answer: ValidatedAnswer): Omit<ValidatedAnswer, "confidence"> & {
  flags: string[];
} {
  const { confidence, ...scored } = answer;
  return { ...scored, flags: confidence === "low" ? ["low-confidence"] : [] };
}

type Rejection = { ok: false; reason: string };
export type Validation = { ok: true; value: ValidatedAnswer } | Rejection;
export type Plausibility = { ok: true } | Rejection;

const MAX_POINTS = 12;
const MAX_HIGHLIGHTS = 30;
const MAX_TEXT = 1_000;

function answerSchema(criteria: readonly string[]) {
  return z.object({
    // Unknown keys (a P without a recording) are dropped by z.object; missing ones fail.
    criteria: z.object(Object.fromEntries(criteria.map((c) => [c, z.number()]))),
    feedback: z.object({
      summary: z.string().trim().min(1),
      points: z.array(
        z.object({
          criterion: z.string(),
          kind: z.enum(["strength", "improve"]),
          text: z.string().trim().min(1),
        }),
      ),
    }),
    highlights: z
      .array(
        z.object({
          quote: z.string(),
          kind: z.string(),
          message: z.string(),
          suggestion: z.string().optional(),
        }),
      )
      .default([]),
    confidence: z.enum(CONFIDENCE),
  });
}

function parseJson(raw: unknown): { ok: true; value: unknown } | Rejection {
  if (typeof raw !== "string") return { ok: true, value: raw };
  // Some models wrap JSON in a Markdown fence even when told not to.
  const text = raw
    .trim()
    .replace(/^```(?:json)?\s*/i, "")
    .replace(/\s*```$/, "");
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, reason: `answer is not JSON: ${text.slice(0, 80)}` };
  }
}

/**
 * Model highlights quote the text instead of giving offsets (models count characters badly);
 * each quote is located in the answer, and quotes that are not in it are dropped.
 */
function locate(
  text: string,
  items: readonly { quote: string; kind: string; message: string; suggestion?: string }[],
): Highlight[] {
  const haystack = neutralise(text);
  const lower = haystack.toLowerCase();
  const searchFrom = new Map<string, number>();
  const out: Highlight[] = [];
  for (const item of items) {
    const quote = neutralise(item.quote.trim());
    if (!quote || !item.message.trim()) continue;
    const from = searchFrom.get(quote) ?? 0;
    let start = haystack.indexOf(quote, from);
    if (start < 0) start = lower.indexOf(quote.toLowerCase(), from);
    if (start < 0) continue;
    searchFrom.set(quote, start + quote.length);
    out.push({
      start,
      end: start + quote.length,
      kind: item.kind,
      message: item.message.trim().slice(0, MAX_TEXT),
      ...(item.suggestion?.trim() ? { suggestion: item.suggestion.trim() } : {}),
    });
    if (out.length === MAX_HIGHLIGHTS) break;
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * Validates a model's answer for this request. Bands must lie within 0-9 and are put on the
 * half-band grid; a band outside 0-9 means the model used another scale (out of 10, a
 * percentage), so the answer is rejected rather than clamped into a band it never gave.
 * Overall is always recomputed from the criteria.
 */
export function validateAndClamp(raw: unknown, req: ScoringRequest): Validation {
  const json = parseJson(raw);
  if (!json.ok) return json;
  const criteriaNames = criteriaFor(req);
  const parsed = answerSchema(criteriaNames).safeParse(json.value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      ok: false,
      reason:
        `answer does not match the schema: ${issue?.path.join(".") ?? ""} ${issue?.message ?? ""}`.trim(),
    };
  }
  const answer = parsed.data;
  const criteria: Record<string, number> = {};
  for (const name of criteriaNames) {
    const band = answer.criteria[name] as number;
    if (!Number.isFinite(band) || band < 0 || band > 9) {
      return { ok: false, reason: `band ${band} for ${name} is outside 0-9` };
    }
    criteria[name] = roundToHalfBand(band);
  }
  return {
    ok: true,
    value: {
      criteria,
      overall: overallFor(req, criteria),
      feedback: {
        summary: answer.feedback.summary.slice(0, MAX_TEXT),
        points: answer.feedback.points
          .filter((p) => criteriaNames.includes(p.criterion))
          .slice(0, MAX_POINTS)
          .map((p) => ({ ...p, text: p.text.slice(0, MAX_TEXT) })),
      },
      highlights: locate(studentText(req), answer.highlights),
      confidence: answer.confidence,
    },
  };
}

/** The official combination: the mean of the criteria, rounded to the half-band grid. */
function overallFor(req: ScoringRequest, criteria: Record<string, number>): number {
  if (req.kind === "writing") return taskBand(Object.values(criteria));
  const { FC, LR, GRA, P } = criteria;
  if (FC === undefined || LR === undefined || GRA === undefined) {
    throw new RangeError("A speaking band needs FC, LR and GRA.");
  }
  return speakingBand(FC, LR, GRA, P).band;
}

/** What the offline scorer found in the same text: the evidence every provider answers to. */
export type Evidence = {
  kind: ScoringRequest["kind"];
  overall: number;
  /** Criteria the offline scorer assessed (a speaking P without audio is absent). */
  criteria: Record<string, number>;
  flags: string[];
  /** Words that count: for writing, words copied from the prompt are left out. */
  words: number;
};

/** The official rule: a writing response of 20 words or fewer is band 1 at most. */
const BAND_ONE_WORDS = 20;
const MAX_OVERALL_GAP = 2;

/**
 * Flags on which the offline scorer caps bands, and the criteria each cap governs. Under such
 * a flag the offline band is the ceiling: a model may know more about style than the offline
 * scorer, but not that a 90-word essay answers the task.
 */
const GATES: Readonly<Record<string, "all" | "task" | "FC">> = {
  "too-short-band-1": "all",
  "too-short": "all",
  "no-speech": "all",
  "not-english": "all",
  "word-salad": "all",
  "copied-prompt": "all",
  "off-topic": "task",
  "under-length": "task",
  "no-overview": "task",
  "no-data": "task",
  "misread-trends": "task",
  "short-long-turn": "FC",
};

function gatedCriteria(scope: "all" | "task" | "FC", criteria: readonly string[]): string[] {
  if (scope === "all") return [...criteria];
  if (scope === "FC") return criteria.filter((c) => c === "FC");
  return criteria.filter((c) => c === "TA" || c === "TR");
}

export function checkPlausibility(result: ScoringResult, evidence: Evidence): Plausibility {
  const names = Object.keys(result.criteria);
  if (evidence.kind === "writing" && evidence.words <= BAND_ONE_WORDS) {
    const above = names.filter((c) => (result.criteria[c] as number) > 1);
    if (above.length > 0) {
      return {
        ok: false,
        reason: `${evidence.words} words can only be band 1, but ${above.join(", ")} came back higher`,
      };
    }
  }
  const offlineCeiling = Math.max(...Object.values(evidence.criteria), evidence.overall);
  for (const flag of evidence.flags) {
    const scope = GATES[flag];
    if (!scope) continue;
    for (const c of gatedCriteria(scope, names)) {
      const ceiling = evidence.criteria[c] ?? offlineCeiling;
      const band = result.criteria[c] as number;
      if (band > ceiling) {
        return { ok: false, reason: `${c} ${band} is above ${ceiling}, the limit under "${flag}"` };
      }
    }
  }
  const gap = Math.abs(result.overall - evidence.overall);
  if (gap > MAX_OVERALL_GAP) {
    return {
      ok: false,
      reason: `overall ${result.overall} is ${gap} bands from the offline estimate ${evidence.overall}`,
    };
  }
  return { ok: true };
}
