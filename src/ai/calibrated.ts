import * as z from "zod";
import type { ScoringResult } from "../domain/result";
import { taskBand } from "../scoring/bands";
import { applyCalibration, type Calibration } from "../scoring/calibration";
import stored from "./calibrations.json";
import type { ScoringRequest } from "./types";

const figures = z.object({
  essays: z.number().int().positive(),
  meanAbsoluteError: z.number().min(0),
  withinHalfBand: z.number().min(0).max(1),
  withinOneBand: z.number().min(0).max(1),
});

const calibrationSchema = z.object({
  provider: z.string(),
  modelId: z.string(),
  fittedAt: z.string(),
  knots: z.array(z.tuple([z.number(), z.number()])),
  raw: figures,
  crossValidated: figures,
}) satisfies z.ZodType<Calibration>;

export const calibrationFileSchema = z.object({
  notes: z.array(z.string()),
  calibrations: z.array(calibrationSchema),
});

const CALIBRATIONS: readonly Calibration[] = calibrationFileSchema.parse(stored).calibrations;

/**
 * A cloud model's Writing bands on the examiners' scale, with the measured figures to quote,
 * when `ielts calibrate` has fitted that model; otherwise the result as it came.
 */
export function withCalibration(
  req: ScoringRequest,
  result: ScoringResult,
  calibrations: readonly Calibration[] = CALIBRATIONS,
): ScoringResult {
  if (req.kind !== "writing" || result.provider === "local") return result;
  const fit = calibrations.find(
    (c) => c.provider === result.provider && c.modelId === result.modelId,
  );
  if (!fit) return result;
  const criteria = applyCalibration(fit.knots, result.criteria);
  const overall = taskBand(Object.values(criteria));
  const { essays, withinHalfBand, withinOneBand } = fit.crossValidated;
  return {
    ...result,
    criteria,
    overall,
    reliability: {
      testedOn: essays,
      withinHalfBand,
      withinOneBand,
      likely: { low: Math.max(1, overall - 1), high: Math.min(9, overall + 1) },
      ...(overall !== result.overall
        ? {
            caveat: `The model itself gave ${result.overall.toFixed(1)}; its bands are mapped to examiners' scale, as fitted on ${essays} marked essays.`,
          }
        : {}),
    },
  };
}
