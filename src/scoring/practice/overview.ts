import { copiedWords, hasOverview } from "../writing/task";
import { check, feedback, topicStems, type DrillFeedback } from "./feedback";

export interface OverviewTask {
  prompt: string;
  /** What a good overview of this visual mentions, from the question bank. */
  keyFeatures: readonly string[];
}

/** More than this share of words copied from the question, and there is nothing to assess. */
const COPIED_LIMIT = 0.5;
const MIN_WORDS = 12;
const MAX_WORDS = 50;
const MAX_FIGURES = 1;

// Words that state a trend, a ranking or a change; process and map overviews use the last ones.
const TREND =
  /\b(increas|ris(e|es|ing)|rose|grow|grew|climb|fell|fall|declin|decreas|drop|dipp?ed|remain|stable|steady|steadi|fluctuat|peak|overtook|overtak|doubl|trebl|halv|most|least|larg|high|low|great|small|main|major|popular|common|dominan|shift|chang|replac|transform|develop|stage|step|cycle|begin|begins|ends?\b)/i;

// A figure, but not a year: "between 2000 and 2020" sets the scene, "62 TWh" is a detail.
const FIGURE = /(?<![\p{L}\d])(?!(?:19|20)\d\d\b)\d+(?:[.,]\d+)*\s*%?/gu;

// Words every feature shares ("rose", "period"): matching on them would credit any sentence.
const GENERIC = topicStems(
  "rose rise rising fell fall falling grew grow growth increased decreased declined steadily throughout period years largest smallest highest lowest total overall remained stable changed share figures numbers between",
);

/** Does the answer name a subject of this feature (coal, wind, the car), not just its trend? */
function namesSubject(feature: string, answer: string): boolean {
  const have = topicStems(answer);
  return [...topicStems(feature)].some((stem) => !GENERIC.has(stem) && have.has(stem));
}

/** Does an Academic Task 1 overview give the big picture rather than details? */
export function checkOverview(task: OverviewTask, answer: string): DrillFeedback {
  return feedback(answer, () => {
    const { copied, total } = copiedWords(task.prompt, answer);
    if (copied / total > COPIED_LIMIT) {
      return [
        check(
          "own-words",
          false,
          "Written in your own words",
          "Most of this repeats the question. The question says what the chart is about; the overview says what it shows. Start with “Overall,” and name the biggest change or the largest item.",
        ),
      ];
    }
    const words = total;
    const figures = answer.match(FIGURE)?.length ?? 0;
    const covered = task.keyFeatures.filter((f) => namesSubject(f, answer));
    return [
      check(
        "signal",
        hasOverview(answer),
        "Signals that this is the overview",
        "Open with “Overall,” or “In general,” so the examiner sees at once that this sentence is your overview.",
      ),
      check(
        "trend",
        TREND.test(answer),
        "Describes a trend, a ranking or a change",
        "Say what changed or what stands out, with words such as rose, fell, remained stable, the largest or the most popular.",
      ),
      check(
        "main-feature",
        covered.length > 0,
        "Names one of the main features of this visual",
        `Pick the biggest feature rather than a detail. For this visual, one would be: ${task.keyFeatures[0]}`,
      ),
      check(
        "no-details",
        figures <= MAX_FIGURES,
        "Leaves the figures for the body paragraphs",
        `You give ${figures} figures. An overview states the pattern without numbers; keep the data for the paragraphs that follow.`,
      ),
      check(
        "length",
        words >= MIN_WORDS && words <= MAX_WORDS,
        "One or two sentences long",
        words < MIN_WORDS
          ? `At ${words} words this is too short to cover two main features; aim for 15 to 40 words.`
          : `At ${words} words this is more than an overview; keep to the two or three biggest features in 15 to 40 words.`,
      ),
    ];
  });
}
