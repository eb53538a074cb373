import { isObjective, type ObjectiveAssessment } from "../domain/assessment";
import { explainWrongAnswers, type Explainer, type WrongAnswer } from "../ai/explain";
import { getTest, groupsOf } from "../content/papers";
import { getAssessment } from "../data/assessments";
import { claimExplanation, saveExplainFailure, saveExplanations } from "../data/explanations";

const EXPLAIN_TIMEOUT_MS = 20_000;
/** Longer than the worker's Lambda timeout (60 s): an older claim's run is dead. */
const CLAIM_STALE_MS = 2 * 60_000;

/** The wrong answers of a marked Reading or Listening paper, with their question and evidence. */
function wrongAnswersOf(assessment: ObjectiveAssessment): WrongAnswer[] {
  const test = getTest(assessment.submission.testId);
  if (!test || !assessment.marking) return [];
  const questions = new Map(
    groupsOf(test).flatMap((group) =>
      group.questions.map((q) => [q.id, { q, instructions: group.instructions }] as const),
    ),
  );
  return assessment.marking.results
    .filter((r) => !r.correct)
    .flatMap((r) => {
      const found = questions.get(r.id);
      if (!found) return [];
      const evidence = Array.isArray(found.q.evidence)
        ? found.q.evidence.join(" ")
        : found.q.evidence;
      return [
        {
          id: r.id,
          question: found.q.prompt ?? found.instructions,
          answer: assessment.answers?.[r.id] ?? "",
          key: r.expected,
          evidence,
          reason: r.reason,
        },
      ];
    });
}

export type ExplainOutcome = "explained" | "skipped";

export async function explainAssessment(
  assessmentId: string,
  explainers: readonly Explainer[],
  now = new Date(),
): Promise<ExplainOutcome> {
  const assessment = await getAssessment(assessmentId);
  if (!assessment || !isObjective(assessment)) return "skipped";
  if (assessment.status !== "scored" || assessment.explanations) return "skipped";
  const items = wrongAnswersOf(assessment);
  if (items.length === 0) return "skipped";
  const staleBefore = new Date(now.getTime() - CLAIM_STALE_MS);
  if (!(await claimExplanation(assessmentId, now, staleBefore))) return "skipped";
  try {
    const { explanations, modelId } = await explainWrongAnswers(
      items,
      explainers,
      EXPLAIN_TIMEOUT_MS,
    );
    return (await saveExplanations(assessmentId, explanations, modelId)) ? "explained" : "skipped";
  } catch (error) {
    // Recorded for the operator, then thrown for the Lambda's retries and, after them, the DLQ.
    await saveExplainFailure(assessmentId, String(error)).catch(() => undefined);
    throw error;
  }
}
