import type { ScoringResult } from "../domain/result";
import { roundToHalfBand, speakingBand } from "../scoring/bands";

/** Between parts in the transcript the result page shows; highlight offsets count it. */
const PART_SEPARATOR = "\n\n";

export function joinedTranscript(transcripts: readonly string[]): string {
  return transcripts.join(PART_SEPARATOR);
}

/**
 * One band for the whole Speaking test from its parts' results. An examiner rates the test as
 * a whole; the nearest equivalent here is each criterion's mean over the parts that assessed
 * it, rounded as the test owners round. Pronunciation counts only where a part had audio.
 */
export function combineSpeakingParts(
  parts: readonly { part: number; transcript: string; result: ScoringResult }[],
): ScoringResult {
  if (parts.length === 0) throw new Error("A Speaking test needs at least one part.");
  const names = ["FC", "LR", "GRA", "P"];
  const criteria: Record<string, number> = {};
  for (const name of names) {
    const values = parts
      .map((p) => p.result.criteria[name])
      .filter((v): v is number => v !== undefined);
    if (values.length) {
      criteria[name] = roundToHalfBand(values.reduce((a, b) => a + b, 0) / values.length);
    }
  }
  const overall = speakingBand(
    criteria.FC ?? 0,
    criteria.LR ?? 0,
    criteria.GRA ?? 0,
    criteria.P,
  ).band;

  let offset = 0;
  const highlights: ScoringResult["highlights"] = [];
  for (const { transcript, result } of parts) {
    for (const h of result.highlights) {
      highlights.push({ ...h, start: h.start + offset, end: h.end + offset });
    }
    offset += transcript.length + PART_SEPARATOR.length;
  }

  const first = parts[0]!.result;
  const models = [...new Set(parts.map((p) => p.result.modelId))];
  return {
    criteria,
    overall,
    feedback: {
      summary: parts.map((p) => `Part ${p.part}: ${p.result.feedback.summary}`).join(" "),
      points: parts.flatMap((p) =>
        p.result.feedback.points.map((point) => ({
          ...point,
          text: `Part ${p.part}: ${point.text}`,
        })),
      ),
    },
    highlights,
    flags: [...new Set(parts.flatMap((p) => p.result.flags))],
    // Parts may fall back to different providers; the first part's names the result, and
    // modelId lists every model that took part.
    provider: first.provider,
    modelId: models.join(", "),
    selectionReason: first.selectionReason,
    inputTokens: parts.reduce((n, p) => n + p.result.inputTokens, 0),
    outputTokens: parts.reduce((n, p) => n + p.result.outputTokens, 0),
    costUsd: parts.reduce((n, p) => n + p.result.costUsd, 0),
    latencyMs: parts.reduce((n, p) => n + p.result.latencyMs, 0),
  };
}
