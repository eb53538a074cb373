import type { WritingEvidence } from "./features";
import type { GateOutcome } from "./gates";
import { listed, type Point } from "./feedback-text";
import { minimumWords, relatedness, type Relatedness } from "./task";
import type { Criterion, WritingInput } from "./types";

const STRAY_ADVICE: Record<Relatedness, string> = {
  unrelated:
    "Your answer is about a different subject from the question, so it cannot be credited for Task Response. Reread the question, underline what it asks, and answer exactly that.",
  "barely-related":
    "Your answer hardly touches the question: most of it is about something else. Reread the question and make every paragraph answer what it asks.",
  tangential:
    "Your answer stays near the topic but does not address this question directly. Reread the prompt and answer exactly what it asks.",
};

export function taskPoints(input: WritingInput, ev: WritingEvidence, gates: GateOutcome): Point[] {
  const c: Criterion = input.task === 1 ? "TA" : "TR";
  const points: Point[] = [];
  const min = minimumWords(input.task);
  const has = (flag: string) => gates.flags.includes(flag);
  const improve = (text: string, criterion: Criterion = c) =>
    points.push({ criterion, kind: "improve", text });
  if (has("under-length")) {
    improve(
      `Your answer has ${ev.countedWords} words of your own; Task ${input.task} needs at least ${min}. Develop each main point with an explanation or example.`,
    );
  }
  const stray = relatedness(ev.relevance);
  if (has("off-topic") && stray) {
    improve(STRAY_ADVICE[stray]);
  }
  if (has("copied-prompt")) {
    improve(
      "Much of your answer repeats the question. Copied words do not count: use your own words.",
    );
  }
  if (has("no-overview")) {
    improve(
      'Add an overview: one or two sentences, e.g. starting "Overall, ...", that state the main trends or the biggest differences without numbers.',
    );
  }
  if (has("no-data")) {
    improve(
      "Support the main features with figures from the chart, e.g. the highest and lowest values and where each line or bar starts and ends.",
    );
  }
  const data = ev.data;
  if (data && data.missingNames.length > 0) {
    improve(
      `Your report does not mention ${listed(data.missingNames)}. Cover every category, grouping similar ones, and compare them.`,
    );
  }
  if (data && data.contradicted.length > 0) {
    improve(
      `The chart shows the opposite of ${data.contradicted.length === 1 ? "this statement" : "these statements"}: ${listed(data.contradicted.slice(0, 3))}. Check which way each line or bar moves before you describe it.`,
    );
  }
  if (data && data.unmatched.length > 0) {
    improve(
      `Check ${data.unmatched.length === 1 ? "this figure" : "these figures"} against the chart: ${listed(data.unmatched.slice(0, 4))}. ${data.unmatched.length === 1 ? "It matches" : "They match"} no value shown, nor a change within a series.`,
    );
  }
  if (has("letter-format")) {
    improve(
      'Set the letter out as a letter: open with a greeting ("Dear ...") and close with a sign-off that matches the tone ("Yours faithfully", "Best wishes").',
    );
  }
  if (has("unclear-purpose")) {
    improve('State why you are writing in the first lines, e.g. "I am writing to ...".');
  }
  if (input.task === 2 && ev.analysis.paragraphs < 3 && !gates.noPraise) {
    improve(
      "Organise the essay in paragraphs: an introduction with your position, one paragraph per main idea, and a conclusion.",
      "CC",
    );
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
