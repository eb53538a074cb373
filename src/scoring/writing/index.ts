import { roundToHalfBand } from "../bands";
import { criteriaFor, modelCriteria } from "./criteria";
import { gatherEvidence, type WritingEvidence } from "./features";
import { buildFeedback } from "./feedback";
import { applyGates, type GateOutcome } from "./gates";
import { measuredAgreement, predictOverall } from "./model";
import {
  writingInputSchema,
  type Criterion,
  type Reliability,
  type WritingInput,
  type WritingScore,
} from "./types";

export type { ChartFacts, Reliability, WritingInput, WritingScore } from "./types";
export { writingScoreSchema } from "./types";

function applyCaps(
  criteria: Partial<Record<Criterion, number>>,
  gates: GateOutcome,
  taskCriterion: Criterion,
): Partial<Record<Criterion, number>> {
  const out: Partial<Record<Criterion, number>> = {};
  for (const [c, band] of Object.entries(criteria) as [Criterion, number][]) {
    let b = c === taskCriterion ? band - gates.taskPenalty : band;
    b = Math.min(b, gates.caps[c] ?? 9, gates.caps.all ?? 9);
    out[c] = Math.max(1, roundToHalfBand(b));
  }
  return out;
}

/**
 * The Task 1 model was fitted on Academic responses; a General Training letter needs no
 * overview, so that feature is left out (treated as typical) rather than counted as missing.
 */
function modelFeatures(input: WritingInput, ev: WritingEvidence): Record<string, number> {
  if (input.task !== 1 || input.module !== "general") return ev.features;
  const { overview: _overview, ...rest } = ev.features;
  return rest;
}

function reliability(input: WritingInput, overall: number): Reliability {
  const measured = measuredAgreement(input.task);
  return {
    testedOn: measured.essays,
    withinHalfBand: measured.withinHalfBand,
    withinOneBand: measured.withinOneBand,
    likely: { low: Math.max(1, overall - 1), high: Math.min(9, overall + 1) },
    ...(input.task === 1 && input.module === "general"
      ? {
          caveat:
            "The scorer was checked on Academic Task 1 reports; no examiner-marked letters were available, so a letter's band is rougher still.",
        }
      : {}),
  };
}

/**
 * Scores one IELTS Writing task offline: a fitted model gives the overall band, criterion
 * evidence spreads it over TA/TR, CC, LR and GRA, and evidence gates cap what the model cannot
 * judge (too short, not English, word salad, copied, off-topic, under-length).
 */
export async function scoreWriting(raw: WritingInput): Promise<WritingScore> {
  const input = writingInputSchema.parse(raw);
  const ev = await gatherEvidence(input);
  const gates = applyGates(input, ev);
  const taskCriterion: Criterion = input.task === 1 ? "TA" : "TR";
  const modelled =
    gates.flags.includes("too-short-band-1") || gates.flags.includes("not-english")
      ? Object.fromEntries(criteriaFor(input).map((c) => [c, 1]))
      : modelCriteria(
          input,
          ev,
          predictOverall(input.task, modelFeatures(input, ev), input.response),
        );
  const criteria = applyCaps(modelled, gates, taskCriterion);
  const values = Object.values(criteria);
  const overall = roundToHalfBand(values.reduce((a, b) => a + b, 0) / values.length);

  return {
    task: input.task,
    module: input.module,
    overall,
    criteria: {
      ...(input.task === 1 ? { TA: criteria.TA ?? 1 } : { TR: criteria.TR ?? 1 }),
      CC: criteria.CC ?? 1,
      LR: criteria.LR ?? 1,
      GRA: criteria.GRA ?? 1,
    },
    wordCount: ev.countedWords,
    flags: gates.flags,
    errors: ev.analysis.issues.map(({ rule: _rule, source: _source, ...issue }) => issue),
    feedback: buildFeedback(input, ev, gates, criteria, overall),
    features: ev.features,
    reliability: reliability(input, overall),
    scorer: "offline-v1",
  };
}
