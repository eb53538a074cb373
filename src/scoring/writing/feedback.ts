import { errorFreeShare, type WritingEvidence } from "./features";
import type { GateOutcome } from "./gates";
import { minimumWords, relatedness, type Relatedness } from "./task";
import type { Criterion, WritingInput, WritingScore } from "./types";

type Feedback = WritingScore["feedback"];
type Point = Feedback["points"][number];

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
const STRAY_ADVICE: Record<Relatedness, string> = {
  unrelated:
    "Your answer is about a different subject from the question, so it cannot be credited for Task Response. Reread the question, underline what it asks, and answer exactly that.",
  "barely-related":
    "Your answer hardly touches the question: most of it is about something else. Reread the question and make every paragraph answer what it asks.",
  tangential:
    "Your answer stays near the topic but does not address this question directly. Reread the prompt and answer exactly what it asks.",
};

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** "A", "A and B", "A, B and C", each in quotation marks. */
function listed(items: readonly string[]): string {
  const quoted = items.map((i) => `"${i}"`);
  return quoted.length <= 1
    ? (quoted[0] ?? "")
    : `${quoted.slice(0, -1).join(", ")} and ${quoted.at(-1)}`;
}

function taskPoints(input: WritingInput, ev: WritingEvidence, gates: GateOutcome): Point[] {
  const c: Criterion = input.task === 1 ? "TA" : "TR";
  const points: Point[] = [];
  const min = minimumWords(input.task);
  const has = (flag: string) => gates.flags.includes(flag);
  if (has("under-length")) {
    points.push({
      criterion: c,
      kind: "improve",
      text: `Your answer has ${ev.countedWords} words of your own; Task ${input.task} needs at least ${min}. Develop each main point with an explanation or example.`,
    });
  }
  const stray = relatedness(ev.relevance);
  if (has("off-topic") && stray) {
    points.push({ criterion: c, kind: "improve", text: STRAY_ADVICE[stray] });
  }
  if (has("copied-prompt")) {
    points.push({
      criterion: c,
      kind: "improve",
      text: "Much of your answer repeats the question. Copied words do not count: use your own words.",
    });
  }
  if (has("no-overview")) {
    points.push({
      criterion: c,
      kind: "improve",
      text: 'Add an overview: one or two sentences, e.g. starting "Overall, ...", that state the main trends or the biggest differences without numbers.',
    });
  }
  if (has("no-data")) {
    points.push({
      criterion: c,
      kind: "improve",
      text: "Support the main features with figures from the chart, e.g. the highest and lowest values and where each line or bar starts and ends.",
    });
  }
  const data = ev.data;
  if (data && data.missingNames.length > 0) {
    points.push({
      criterion: c,
      kind: "improve",
      text: `Your report does not mention ${listed(data.missingNames)}. Cover every category, grouping similar ones, and compare them.`,
    });
  }
  if (data && data.contradicted.length > 0) {
    points.push({
      criterion: c,
      kind: "improve",
      text: `The chart shows the opposite of ${data.contradicted.length === 1 ? "this statement" : "these statements"}: ${listed(data.contradicted.slice(0, 3))}. Check which way each line or bar moves before you describe it.`,
    });
  }
  if (data && data.unmatched.length > 0) {
    points.push({
      criterion: c,
      kind: "improve",
      text: `Check ${data.unmatched.length === 1 ? "this figure" : "these figures"} against the chart: ${listed(data.unmatched.slice(0, 4))}. ${data.unmatched.length === 1 ? "It matches" : "They match"} no value shown, nor a change within a series.`,
    });
  }
  if (has("letter-format")) {
    points.push({
      criterion: c,
      kind: "improve",
      text: 'Set the letter out as a letter: open with a greeting ("Dear ...") and close with a sign-off that matches the tone ("Yours faithfully", "Best wishes").',
    });
  }
  if (has("unclear-purpose")) {
    points.push({
      criterion: c,
      kind: "improve",
      text: 'State why you are writing in the first lines, e.g. "I am writing to ...".',
    });
  }
  if (input.task === 2 && ev.analysis.paragraphs < 3 && !gates.noPraise) {
    points.push({
      criterion: "CC",
      kind: "improve",
      text: "Organise the essay in paragraphs: an introduction with your position, one paragraph per main idea, and a conclusion.",
    });
  }
  if (points.length === 0 && !gates.noPraise) {
    points.push({
      criterion: c,
      kind: "strength",
      text:
        input.task === 1 && input.module === "academic"
          ? "You cover the task at full length and include an overview of the main features."
          : "You answer the question at full length and stay on topic.",
    });
  }
  return points;
}

function cohesionPoints(ev: WritingEvidence, praise: boolean): Point[] {
  const ln = ev.analysis.linking;
  const points: Point[] = [];
  if (ln.mechanical) {
    points.push({
      criterion: "CC",
      kind: "improve",
      text: "Almost every sentence starts with a linking word. Link ideas inside sentences too (which, because, while) and let some sentences follow on naturally.",
    });
  }
  if (ln.overused.length > 0) {
    points.push({
      criterion: "CC",
      kind: "improve",
      text: `You use ${ln.overused.map((p) => `"${p}"`).join(", ")} too often; vary your linking devices.`,
    });
  }
  if (ln.distinctCategories < 3) {
    points.push({
      criterion: "CC",
      kind: "improve",
      text: 'Show how ideas connect: add contrast ("however", "although"), result ("as a result", "therefore") and examples ("for instance").',
    });
  } else if (praise && !ln.mechanical && ln.overused.length === 0) {
    points.push({
      criterion: "CC",
      kind: "strength",
      text: `You link ideas with a range of devices (${ln.devices
        .slice(0, 4)
        .map((d) => `"${d.phrase}"`)
        .join(", ")}).`,
    });
  }
  return points;
}

function lexicalPoints(ev: WritingEvidence, overused: string[], praise: boolean): Point[] {
  const points: Point[] = [];
  const spelling = ev.analysis.issues.filter((i) => i.kind === "spelling").length;
  if (overused.length > 0) {
    points.push({
      criterion: "LR",
      kind: "improve",
      text: `You repeat ${overused.map((w) => `"${w}"`).join(", ")}; use synonyms or more precise words.`,
    });
  }
  if (spelling > 0) {
    points.push({
      criterion: "LR",
      kind: "improve",
      text: `Check ${plural(spelling, "spelling mistake")} (highlighted).`,
    });
  }
  if (ev.analysis.spelling.mixed) {
    points.push({
      criterion: "LR",
      kind: "improve",
      text: `You mix British (${ev.analysis.spelling.british.slice(0, 2).join(", ")}) and American (${ev.analysis.spelling.american.slice(0, 2).join(", ")}) spelling; both are accepted, but keep to one.`,
    });
  }
  // About a quarter of calibration responses fall below 0.055; a fifth reach 0.15.
  if (ev.analysis.lexical.lessFrequentShare < 0.055) {
    points.push({
      criterion: "LR",
      kind: "improve",
      text: `Most of your words are very common ones (${Math.round(ev.analysis.cefr.upperShare * 100)}% of them at B2 level or above). Use more topic-specific vocabulary and collocations.`,
    });
  } else if (praise && ev.analysis.lexical.lessFrequentShare >= 0.15 && spelling <= 2) {
    points.push({
      criterion: "LR",
      kind: "strength",
      text: "You use a good share of less common, topic-specific words.",
    });
  }
  // Naming the advanced words shows which choices earned the band, on any topic.
  const advanced = ev.analysis.cefr.advanced;
  if (praise && advanced.length >= 3) {
    points.push({
      criterion: "LR",
      kind: "strength",
      text: `Words at C1 level and above in your answer: ${listed(advanced.slice(0, 6))}.`,
    });
  }
  return points;
}

function grammarPoints(ev: WritingEvidence, praise: boolean): Point[] {
  const points: Point[] = [];
  const grammar = ev.analysis.issues.filter((i) => i.kind === "grammar").length;
  const punctuation = ev.analysis.issues.filter((i) => i.kind === "punctuation").length;
  // Unlike the model's feature, this counts the learner-error detectors' findings too: praise
  // must not contradict the errors highlighted on the same page.
  const errorFree = errorFreeShare(ev.analysis, ev.analysis.issues);
  const complex = ev.features.complexShare ?? 0;
  const found = [
    grammar > 0 ? plural(grammar, "grammar error") : "",
    punctuation > 0 ? plural(punctuation, "punctuation or capitalisation error") : "",
  ].filter(Boolean);
  if (found.length > 0) {
    points.push({
      criterion: "GRA",
      kind: "improve",
      text: `Fix ${found.join(" and ")} (highlighted).`,
    });
  }
  if (complex < 0.3) {
    points.push({
      criterion: "GRA",
      kind: "improve",
      text: 'Use more complex sentences: clauses with "although", "because", "which" or "if".',
    });
  } else if (praise && errorFree >= 0.7) {
    points.push({
      criterion: "GRA",
      kind: "strength",
      text: "You use a mix of simple and complex sentences, mostly without errors.",
    });
  }
  return points;
}

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
