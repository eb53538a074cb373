import type { WritingEvidence } from "./features";
import { cohesionPoints, grammarPoints, lexicalPoints } from "./feedback-language";
import { taskPoints } from "./feedback-task";
import type { GateOutcome } from "./gates";
import type { Criterion, WritingInput, WritingScore } from "./types";

type Feedback = WritingScore["feedback"];

const CRITERION_NAMES: Record<Criterion, string> = {
  TA: "Task Achievement",
  TR: "Task Response",
  CC: "Coherence and Cohesion",
  LR: "Lexical Resource",
  GRA: "Grammatical Range and Accuracy",
};

/** Everyday words that examiners see as vague when they recur. */
const VAGUE = new Set(["good", "bad", "thing", "very", "lot", "big", "nice", "really", "get"]);

function overusedWords(ev: WritingEvidence): string[] {
  const topic = new Set(ev.promptLemmas);
  const repeated = ev.analysis.repeatedWords.filter((r) => !topic.has(r.word)).map((r) => r.word);
  const counts = new Map<string, number>();
  for (const w of ev.analysis.words) {
    if (VAGUE.has(w.lemma)) counts.set(w.lemma, (counts.get(w.lemma) ?? 0) + 1);
  }
  const vague = [...counts].filter(([, c]) => c >= 3).map(([w]) => w);
  return [...new Set([...repeated, ...vague])].slice(0, 8);
}

/** Said to a student whose answer strays from the question, by how far it strays. */

const NEXT_BAND_ADVICE: Record<Criterion, string> = {
  TA: "cover every key feature, give a clear overview and support it with accurate figures",
  TR: "answer every part of the question, state a clear position and develop each idea with explanation and examples",
  CC: "organise ideas in clear paragraphs with one central idea each, and link them with varied devices used naturally",
  LR: "use a wider range of precise, less common words and collocations, with fewer repetitions and spelling mistakes",
  GRA: "use a wider range of complex structures and make most sentences error-free",
};

/**
 * Below band 6 a criterion's descriptors are about what goes wrong, so praising it would
 * contradict the band shown next to it.
 */
const PRAISE_FROM = 6;

export function buildFeedback(
  input: WritingInput,
  ev: WritingEvidence,
  gates: GateOutcome,
  criteria: Partial<Record<Criterion, number>>,
  overall: number,
): Feedback {
  const order = Object.keys(criteria) as Criterion[];
  const weakest = order.reduce((lo, c) => ((criteria[c] ?? 9) < (criteria[lo] ?? 9) ? c : lo));
  const weakestBand = criteria[weakest] ?? overall;
  const praise = !gates.noPraise;
  const overused = overusedWords(ev);
  const points = [
    ...taskPoints(input, ev, gates),
    ...(praise ? cohesionPoints(ev, praise) : []),
    ...(praise ? lexicalPoints(ev, overused, praise) : []),
    ...(praise ? grammarPoints(ev, praise) : []),
  ].filter((p) => p.kind !== "strength" || (criteria[p.criterion] ?? 0) >= PRAISE_FROM);
  // Every criterion short of 9 gets something to do next, even when no measured problem named
  // one: "nothing to improve" beside a band 8, or a weakest criterion with no advice, tells the
  // student nothing. A gated answer's one step is to write a full answer (in the summary).
  if (praise) {
    for (const c of order) {
      const band = criteria[c] ?? 9;
      if (band >= 9 || points.some((p) => p.criterion === c && p.kind === "improve")) continue;
      points.push({
        criterion: c,
        kind: "improve",
        text: `For band ${Math.min(9, Math.floor(band) + 1)}: ${NEXT_BAND_ADVICE[c]}.`,
      });
    }
  }
  const bands = order.map((c) => `${c} ${criteria[c]}`).join(", ");
  const summary = gates.noPraise
    ? `Estimated band ${overall}. ${gateReason(gates)} Write a full answer to the question in English, in your own words.`
    : `Estimated band ${overall} (${bands}). ${CRITERION_NAMES[weakest]} holds your score down most.`;
  const next = Math.min(9, weakestBand + 1);
  return {
    summary,
    weakest,
    nextBand: `For band ${next} in ${CRITERION_NAMES[weakest]}: ${NEXT_BAND_ADVICE[weakest]}.`,
    points,
    overusedWords: praise ? overused : [],
  };
}

function gateReason(gates: GateOutcome): string {
  if (gates.flags.includes("not-english")) return "The answer is not written in English.";
  if (gates.flags.includes("too-short-band-1"))
    return "The answer has 20 words or fewer of your own, which is band 1.";
  if (gates.flags.includes("copied-prompt"))
    return "Most of the answer is copied from the question.";
  if (gates.flags.includes("word-salad"))
    return "The words do not form sentences that communicate ideas.";
  return "The answer cannot be assessed as a response to the task.";
}
